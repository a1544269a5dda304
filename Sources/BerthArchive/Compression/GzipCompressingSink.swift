import CZlib

/// A ByteSink deflating everything written into one gzip member on `base`, single-threaded.
///
/// Output is deterministic: the header carries no name and mtime 0, and its OS byte is
/// always 3 (Unix), so the same input and level always give the same bytes (and digest).
/// Call `finish()` to write the last block and the CRC-32/length trailer.
///
/// ```swift
/// let gzip = try GzipCompressingSink(FileDescriptorByteSink(fileDescriptor: fd))
/// var writer = TarWriter(gzip)
/// try writer.finish(); try gzip.finish()
/// ```
public final class GzipCompressingSink<Base: ByteSink>: ByteSink {
    /// Docker's default (Go's gzip.DefaultCompression).
    public static var defaultLevel: Int32 { 6 }

    /// Where the compressed bytes go.
    public private(set) var base: Base
    /// The deflate level, 0 (store) to 9 (smallest).
    public let level: Int32
    /// zlib's state; heap-allocated because zlib keeps a pointer back to it.
    private let stream: UnsafeMutablePointer<z_stream>
    /// Compressed output waiting to be written to `base`.
    private let output: UnsafeMutableRawBufferPointer
    /// Set once `finish()` has written the trailer.
    public private(set) var finished = false

    /// A sink compressing at `level` (0...9) into `base`.
    public init(_ base: Base, level: Int32 = GzipCompressingSink.defaultLevel, bufferSize: Int = 64 * 1024) throws(CompressionError) {
        guard (0...9).contains(level) else {
            throw .library(format: .gzip, operation: "deflateInit2", reason: "level \(level) is not in 0...9")
        }
        self.base = base
        self.level = level
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 512), alignment: 16)
        let status = czlib_deflateInit2(stream, level, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw .library(format: .gzip, operation: "deflateInit2", reason: ZlibStatus.describe(status, stream: nil))
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `bytes`, writing whatever output zlib has ready to `base`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else { throw CompressionError.misuse(format: .gzip, what: "write after finish()") }
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, Int(UInt32.max >> 1))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (start + offset).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(chunk)
            try run(flush: Z_NO_FLUSH)
            offset += chunk
        }
    }

    /// Flushes the last block and the gzip trailer; the sink accepts nothing afterwards.
    public func finish() throws {
        guard !finished else { return }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(flush: Z_FINISH)
        finished = true
    }

    /// Deflates until the input is consumed (and, for Z_FINISH, the stream has ended).
    private func run(flush: Int32) throws {
        guard let out = output.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return }
        while true {
            stream.pointee.next_out = out
            stream.pointee.avail_out = uInt(output.count)
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw CompressionError.library(format: .gzip, operation: "deflate", reason: ZlibStatus.describe(status, stream: stream))
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try base.write(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 {
                return
            }
        }
    }
}
