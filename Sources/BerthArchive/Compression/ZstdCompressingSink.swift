import CZstd

/// A ByteSink compressing everything written into one zstd frame (with a content checksum) on `base`.
///
/// `workers` > 0 asks libzstd to compress on that many extra threads (when the library
/// was built with multithreading; `usesWorkers` says whether it was). Output is
/// deterministic for a given level and for "workers == 0" vs "workers ≥ 1" (libzstd's
/// multithreaded output does not depend on the worker count). Call `finish()` to end the frame.
public final class ZstdCompressingSink<Base: ByteSink>: ByteSink {
    /// zstd's default level, as the CLI and containerd use.
    public static var defaultLevel: Int32 { 3 }

    /// Where the compressed bytes go.
    public private(set) var base: Base
    private let context: OpaquePointer
    private let output: UnsafeMutableRawBufferPointer
    /// Whether libzstd accepted the requested worker threads.
    public let usesWorkers: Bool
    /// Set once `finish()` has ended the frame.
    public private(set) var finished = false

    /// A sink compressing at `level` (ZSTD_minCLevel()...ZSTD_maxCLevel()) into `base`, on `workers` extra threads (0 = the caller's thread only).
    public init(_ base: Base, level: Int32 = ZstdCompressingSink.defaultLevel, workers: Int32 = 0) throws(CompressionError) {
        guard (ZSTD_minCLevel()...ZSTD_maxCLevel()).contains(level) else {
            throw .library(format: .zstd, operation: "ZstdCompressingSink", reason: "level \(level) is not in \(ZSTD_minCLevel())...\(ZSTD_maxCLevel())")
        }
        guard let context = ZSTD_createCCtx() else {
            throw .library(format: .zstd, operation: "ZSTD_createCCtx", reason: "out of memory")
        }
        func set(_ parameter: ZSTD_cParameter, _ value: Int32, _ name: String) throws(CompressionError) {
            let status = ZSTD_CCtx_setParameter(context, parameter, value)
            if ZSTD_isError(status) != 0 {
                ZSTD_freeCCtx(context)
                throw .library(format: .zstd, operation: "setting \(name) to \(value)", reason: String(cString: ZSTD_getErrorName(status)))
            }
        }
        try set(ZSTD_c_compressionLevel, level, "the compression level")
        try set(ZSTD_c_checksumFlag, 1, "the checksum flag")
        var workersAccepted = false
        if workers > 0 {
            // Fails with "unsupported parameter" when libzstd was built without threads.
            workersAccepted = ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, workers)) == 0
        }
        self.base = base
        self.context = context
        usesWorkers = workersAccepted
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: ZSTD_CStreamOutSize(), alignment: 16)
    }

    deinit {
        ZSTD_freeCCtx(context)
        output.deallocate()
    }

    /// Whether this libzstd can compress on worker threads (ZSTD_c_nbWorkers has a non-zero upper bound).
    public static var supportsWorkers: Bool {
        let bounds = ZSTD_cParam_getBounds(ZSTD_c_nbWorkers)
        return ZSTD_isError(bounds.error) == 0 && bounds.upperBound > 0
    }

    /// Compresses `bytes`, writing whatever output zstd has ready to `base`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else { throw CompressionError.misuse(format: .zstd, what: "write after finish()") }
        guard bytes.count > 0 else { return }
        var inBuffer = ZSTD_inBuffer(src: bytes.baseAddress, size: bytes.count, pos: 0)
        while inBuffer.pos < inBuffer.size {
            _ = try step(&inBuffer, ZSTD_e_continue)
        }
    }

    /// Ends the frame (flushing all worker output); the sink accepts nothing afterwards.
    public func finish() throws {
        guard !finished else { return }
        var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try step(&inBuffer, ZSTD_e_end) != 0 {}
        finished = true
    }

    /// One ZSTD_compressStream2 call, its output written to `base`; returns zstd's "bytes left to flush".
    private func step(_ inBuffer: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective) throws -> Int {
        var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let remaining = ZSTD_compressStream2(context, &outBuffer, &inBuffer, directive)
        if ZSTD_isError(remaining) != 0 {
            throw CompressionError.library(format: .zstd, operation: "ZSTD_compressStream2", reason: String(cString: ZSTD_getErrorName(remaining)))
        }
        if outBuffer.pos > 0 { try base.write(UnsafeRawBufferPointer(rebasing: output[0..<outBuffer.pos])) }
        return remaining
    }
}
