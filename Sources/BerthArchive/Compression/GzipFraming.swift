import CZlib

/// The fixed gzip member header and trailer (RFC 1952) that ParallelGzipSink writes around its
/// raw deflate stream, byte-identical to the header zlib writes for GzipCompressingSink.
enum GzipFraming {
    /// 1f 8b, method 8 (deflate), no flags, mtime 0, XFL as zlib sets it for `level`, OS 3 (Unix).
    static func header(level: Int32) -> [UInt8] {
        let extraFlags: UInt8 = level == 9 ? 2 : (level < 2 ? 4 : 0)
        return [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extraFlags, 3]
    }

    /// CRC-32 and length modulo 2^32 of the uncompressed data, little-endian.
    static func trailer(crc: UInt32, length: UInt64) -> [UInt8] {
        let size = UInt32(truncatingIfNeeded: length)
        return (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
    }
}
