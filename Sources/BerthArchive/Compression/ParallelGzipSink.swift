import CZlib
import Glibc

/// A ByteSink writing one gzip member compressed on several threads, like pigz, so layer
/// creation uses every core while staying readable by any gzip reader.
///
/// Input is cut into fixed `blockSize` blocks; each is deflated independently as a raw
/// stream primed with the 32 KiB of input before it and ended with a sync flush (the last
/// with Z_FINISH), so the concatenation is a single valid deflate stream; the CRC-32s are
/// joined with `crc32_combine`. The output depends only on the input, `level` and
/// `blockSize` — never on the thread count or timing — so layer digests are reproducible.
/// `write` and `finish()` block the calling thread while waiting for workers.
public final class ParallelGzipSink<Base: ByteSink>: ByteSink {
    /// Where the compressed bytes go.
    public private(set) var base: Base
    /// The deflate level, 0...9.
    public let level: Int32
    /// Uncompressed bytes per independently compressed block.
    public let blockSize: Int
    /// Set once `finish()` has written the trailer.
    public private(set) var finished = false

    private let pool: DeflateWorkerPool
    private let maxInFlight: Int
    private var block: [UInt8] = []
    /// The last 32 KiB of input submitted so far: the next block's dictionary.
    private var window: [UInt8] = []
    private var submitted = 0
    private var written = 0
    private var wroteHeader = false
    private var crc: UInt = 0
    private var length: UInt64 = 0

    /// The deflate window: how far back a block may refer into the input before it.
    static var windowSize: Int { 32 * 1024 }

    /// The number of online CPUs, the default thread count.
    public static var defaultThreads: Int { max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 64)) }

    /// A sink compressing at `level` (0...9) on `threads` worker threads, `blockSize` (32 KiB...64 MiB; pigz's 128 KiB by default) bytes per block.
    public init(
        _ base: Base, level: Int32 = GzipCompressingSink<Base>.defaultLevel,
        threads: Int = ParallelGzipSink.defaultThreads, blockSize: Int = 128 * 1024
    ) throws(CompressionError) {
        guard (0...9).contains(level) else {
            throw .library(format: .gzip, operation: "ParallelGzipSink", reason: "level \(level) is not in 0...9")
        }
        guard (Self.windowSize...(64 << 20)).contains(blockSize) else {
            throw .library(format: .gzip, operation: "ParallelGzipSink", reason: "block size \(blockSize) is not in 32 KiB...64 MiB")
        }
        self.base = base
        self.level = level
        self.blockSize = blockSize
        let count = max(1, threads)
        maxInFlight = 2 * count + 1
        pool = DeflateWorkerPool(count: count, level: level)
        block.reserveCapacity(blockSize)
    }

    deinit { pool.shutdown() }

    /// Number of worker threads compressing (0 if none could be started: blocks are then compressed inline).
    public var threadCount: Int { pool.threadCount }

    /// Buffers `bytes`, handing each full block to the workers and writing finished blocks in order.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else { throw CompressionError.misuse(format: .gzip, what: "write after finish()") }
        var offset = 0
        while offset < bytes.count {
            let take = min(blockSize - block.count, bytes.count - offset)
            block.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
            offset += take
            if block.count == blockSize { try submit(isLast: false) }
        }
    }

    /// Compresses the last block, writes everything and the gzip trailer, and stops the workers.
    public func finish() throws {
        guard !finished else { return }
        try submit(isLast: true)
        while written < submitted { try emit(pool.take(written)) }
        try base.write(GzipFraming.trailer(crc: UInt32(truncatingIfNeeded: crc), length: length))
        finished = true
        pool.shutdown()
    }

    /// Hands the buffered block to the pool, then writes results that are ready (waiting when too many are in flight).
    private func submit(isLast: Bool) throws {
        let data = block
        block = []
        block.reserveCapacity(isLast ? 0 : blockSize)
        pool.submit(DeflateBlock(index: submitted, dictionary: window, data: data, isLast: isLast))
        submitted += 1
        if !isLast {
            window = data.count >= Self.windowSize ? Array(data.suffix(Self.windowSize)) : Array((window + data).suffix(Self.windowSize))
        }
        while submitted - written >= maxInFlight { try emit(pool.take(written)) }
        while written < submitted, let ready = pool.poll(written) { try emit(ready) }
    }

    /// Writes block `written`'s compressed bytes (after the header, for the first) and folds in its CRC.
    private func emit(_ result: Result<DeflatedBlock, CompressionError>) throws {
        let deflated = try result.get()
        if !wroteHeader {
            try base.write(GzipFraming.header(level: level))
            wroteHeader = true
        }
        try base.write(deflated.compressed)
        crc = crc32_combine(crc, uLong(deflated.crc), off_t(deflated.length))
        length += UInt64(deflated.length)
        written += 1
    }
}

extension ByteSink {
    /// Writes an array's bytes.
    fileprivate mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}
