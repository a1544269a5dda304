import Dispatch
import Glibc

/// SIGTERM and SIGINT, the signals that ask berthd to stop cleanly. Creating one ignores
/// their default action (so the process is not killed before it can clean up) and starts
/// listening at once, so a signal that arrives before `wait()` is not lost.
/// All state is touched only on its serial queue, which is what makes it Sendable.
public final class ShutdownSignal: @unchecked Sendable {
    private let queue = DispatchQueue(label: "berthd.signals")
    private var sources: [any DispatchSourceSignal] = []
    private var received: Int32?
    private var continuation: CheckedContinuation<Int32, Never>?

    /// Starts listening for SIGTERM and SIGINT.
    public init() {
        queue.sync {
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in fire(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Suspends until the first SIGTERM or SIGINT; returns its number.
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                if let received {
                    continuation.resume(returning: received)
                } else {
                    self.continuation = continuation
                }
            }
        }
    }

    private func fire(_ number: Int32) {
        guard received == nil else { return }
        received = number
        for source in sources { source.cancel() }
        sources = []
        continuation?.resume(returning: number)
        continuation = nil
    }
}
