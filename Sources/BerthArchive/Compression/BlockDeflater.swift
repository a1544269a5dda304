import CZlib

/// A raw deflate stream reused for block after block; owned by one thread at a time.
final class BlockDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let initStatus: Int32

    /// A raw (no wrapper) deflate stream at `level`.
    init(level: Int32) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        initStatus = czlib_deflateInit2(stream, level, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
    }

    deinit {
        if initStatus == Z_OK { deflateEnd(stream) }
        stream.deallocate()
    }

    /// Compresses `block` alone, as if it followed its dictionary in one deflate stream:
    /// the output depends only on the block's bytes, dictionary, level and position (last or not).
    func compress(_ block: DeflateBlock) -> Result<DeflatedBlock, CompressionError> {
        guard initStatus == Z_OK else { return .failure(failure("deflateInit2", initStatus)) }
        var status = deflateReset(stream)
        guard status == Z_OK else { return .failure(failure("deflateReset", status)) }
        if !block.dictionary.isEmpty {
            status = block.dictionary.withUnsafeBytes { dictionary in
                deflateSetDictionary(stream, dictionary.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(dictionary.count))
            }
            guard status == Z_OK else { return .failure(failure("deflateSetDictionary", status)) }
        }
        let flush = block.isLast ? Z_FINISH : Z_SYNC_FLUSH
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(block.data.count))) + 64)
        var written = 0
        let crc = block.data.withUnsafeBytes { input -> UInt32 in
            let start = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: start)
            stream.pointee.avail_in = uInt(input.count)
            while true {
                if written == output.count { output.append(contentsOf: repeatElement(0, count: max(output.count, 1024))) }
                output.withUnsafeMutableBytes { out in
                    stream.pointee.next_out = out.baseAddress.map { $0.assumingMemoryBound(to: Bytef.self) + written }
                    stream.pointee.avail_out = uInt(out.count - written)
                    status = deflate(stream, flush)
                    written = out.count - Int(stream.pointee.avail_out)
                }
                if status != Z_OK, status != Z_STREAM_END, status != Z_BUF_ERROR { return 0 }
                if block.isLast {
                    if status == Z_STREAM_END { break }
                } else if stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 {
                    break
                }
            }
            stream.pointee.next_in = nil
            return UInt32(truncatingIfNeeded: crc32(0, start, uInt(input.count)))
        }
        if status != Z_OK, status != Z_STREAM_END, status != Z_BUF_ERROR { return .failure(failure("deflate", status)) }
        output.removeSubrange(written...)
        return .success(DeflatedBlock(compressed: output, crc: crc, length: block.data.count))
    }

    private func failure(_ operation: String, _ status: Int32) -> CompressionError {
        .library(format: .gzip, operation: operation, reason: ZlibStatus.describe(status, stream: stream))
    }
}
