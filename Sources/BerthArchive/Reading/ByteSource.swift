/// Where a TarReader gets its bytes: a pipe, a file, a decompressor, memory.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 only at the end of the stream.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Discards up to `count` bytes; returns how many were discarded (fewer only at the end).
    mutating func skip(_ count: Int64) throws -> Int64
}

extension ByteSource {
    /// Skips by reading into a scratch buffer; sources that can seek override this.
    public mutating func skip(_ count: Int64) throws -> Int64 {
        try skipByReading(count)
    }

    /// Reads and discards up to `count` bytes: the fallback every source can use.
    public mutating func skipByReading(_ count: Int64) throws -> Int64 {
        var skipped: Int64 = 0
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        while skipped < count {
            let want = Int(min(Int64(scratch.count), count - skipped))
            let got = try scratch.withUnsafeMutableBytes { buffer in
                try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
            }
            if got == 0 { break }
            skipped += Int64(got)
        }
        return skipped
    }
}
