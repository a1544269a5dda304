/// Low-level reading for TarReader: whole blocks, extension bodies, skipping,
/// and turning a ByteSource's untyped errors into TarError.
extension TarReader {
    /// Reads up to `buffer.count` bytes, mapping source errors to TarError.
    mutating func readSource(into buffer: UnsafeMutableRawBufferPointer) throws(TarError) -> Int {
        do {
            let got = try source.read(into: buffer)
            offset += Int64(got)
            return got
        } catch let error as TarError {
            throw error
        } catch {
            throw .stream(String(describing: error))
        }
    }

    /// Fills `buffer` completely unless the stream ends; returns how much was read.
    mutating func readFull(into buffer: UnsafeMutableRawBufferPointer) throws(TarError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = try readSource(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// The next 512-byte block; nil at a clean end of stream unless `required`.
    mutating func readBlock(entry: String?, required: Bool) throws(TarError) -> HeaderBlock? {
        let start = offset
        var bytes = [UInt8](repeating: 0, count: HeaderBlock.size)
        let got = try bytes.withMutableBytes { (buffer) throws(TarError) -> Int in try readFull(into: buffer) }
        if got == 0, !required { return nil }
        if got < HeaderBlock.size { throw .truncated(entry: entry, offset: start) }
        return HeaderBlock(bytes: bytes)
    }

    /// The body of a PAX or GNU long-name header, with its padding consumed.
    mutating func readExtension(size: Int64, entry: String, at headerOffset: Int64) throws(TarError) -> [UInt8] {
        guard size <= Self.maxExtendedHeaderSize else {
            throw .malformedHeader(entry: entry, offset: headerOffset, reason: "extended header of \(size) bytes is too large")
        }
        var body = [UInt8](repeating: 0, count: Int(size))
        let got = try body.withMutableBytes { (buffer) throws(TarError) -> Int in try readFull(into: buffer) }
        guard got == body.count else { throw .truncated(entry: entry, offset: offset) }
        try skipExactly(Self.padding(for: size), entry: entry)
        return body
    }

    /// Skips the unread data and padding of the current entry.
    mutating func skipRest() throws(TarError) {
        let count = remaining + padding
        remaining = 0
        padding = 0
        try skipExactly(count, entry: current?.name)
    }

    /// Skips `count` bytes or reports truncation.
    mutating func skipExactly(_ count: Int64, entry: String?) throws(TarError) {
        guard count > 0 else { return }
        let skipped: Int64
        do {
            skipped = try source.skip(count)
        } catch let error as TarError {
            throw error
        } catch {
            throw .stream(String(describing: error))
        }
        offset += skipped
        if skipped < count { throw .truncated(entry: entry, offset: offset) }
    }
}
