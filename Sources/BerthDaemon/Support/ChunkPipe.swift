import BerthAPI
import BerthArchive
import Foundation
import NIOCore
import Synchronization

/// Carries bytes from blocking code (a tar writer walking a tree on its own
/// thread) to an async response writer, a few chunks at a time: the producer
/// blocks while the consumer is behind, and learns when the client has gone.
final class ChunkPipe: Sendable {
    /// Raised in the producer when the consumer stopped reading.
    struct Cancelled: Error {}

    private struct State {
        var queue: [[UInt8]] = []
        var finished = false
        var failure: (any Error)?
        var cancelled = false
        var waiting: CheckedContinuation<[UInt8]?, any Error>?
    }

    private let state = Mutex(State())
    /// Free queue slots; the producer waits on it.
    private let space = DispatchSemaphore(value: 4)

    /// Producer: hands over one chunk, blocking while the queue is full.
    func send(_ chunk: [UInt8]) throws {
        space.wait()
        let resumed = try state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
            if state.cancelled { throw Cancelled() }
            if let waiting = state.waiting {
                state.waiting = nil
                return waiting
            }
            state.queue.append(chunk)
            return nil
        }
        if let resumed {
            space.signal()
            resumed.resume(returning: chunk)
        }
    }

    /// Producer: no more chunks (with the error that ended them, if any).
    func finish(_ failure: (any Error)? = nil) {
        let waiting = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
            state.finished = true
            state.failure = failure
            defer { state.waiting = nil }
            return state.waiting
        }
        if let failure { waiting?.resume(throwing: failure) } else { waiting?.resume(returning: nil) }
    }

    /// Consumer: the next chunk, nil at the end; rethrows the producer's failure.
    func next() async throws -> [UInt8]? {
        try await withCheckedThrowingContinuation { continuation in
            enum Outcome { case chunk([UInt8]), end, failed(any Error), wait }
            let outcome = state.withLock { state -> Outcome in
                if !state.queue.isEmpty { return .chunk(state.queue.removeFirst()) }
                if state.finished { return state.failure.map { .failed($0) } ?? .end }
                state.waiting = continuation
                return .wait
            }
            switch outcome {
            case .chunk(let chunk):
                space.signal()
                continuation.resume(returning: chunk)
            case .end: continuation.resume(returning: nil)
            case .failed(let error): continuation.resume(throwing: error)
            case .wait: break
            }
        }
    }

    /// Consumer: stop; a blocked or later `send` throws `Cancelled`.
    func cancel() {
        state.withLock { $0.cancelled = true }
        space.signal()
    }

    /// A body that runs `work` on a thread of its own, writing into a sink
    /// whose bytes are streamed to the client; `cleanup` runs on that thread
    /// after `work`, whether it succeeded, failed or the client went away.
    static func producer(
        _ work: @escaping @Sendable (inout Sink) throws -> Void, cleanup: @escaping @Sendable () -> Void = {}
    ) -> BodyProducer {
        { writer in
            let pipe = ChunkPipe()
            let thread = Thread {
                var sink = Sink(pipe: pipe)
                do {
                    try work(&sink)
                    try sink.flush()
                    pipe.finish()
                } catch {
                    pipe.finish(error)
                }
                cleanup()
            }
            thread.start()
            defer { pipe.cancel() }
            while let chunk = try await pipe.next() {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
        }
    }

    /// The ByteSink end: buffers writes into 256 KiB chunks.
    struct Sink: ByteSink {
        let pipe: ChunkPipe
        var buffer: [UInt8] = []

        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 256 * 1024 { try flush() }
        }

        mutating func flush() throws {
            guard !buffer.isEmpty else { return }
            try pipe.send(buffer)
            buffer = []
        }
    }
}
