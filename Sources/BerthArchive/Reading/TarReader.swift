/// Reads a tar archive (ustar, PAX, GNU) entry by entry from any ByteSource,
/// streaming each entry's contents so no file is ever held whole in memory.
///
/// ```swift
/// var reader = TarReader(FileDescriptorByteSource(fileDescriptor: fd))
/// while let entry = try reader.next() {
///     let n = try reader.readData(into: buffer)  // 0 at the end of this entry's data
/// }
/// ```
public struct TarReader<Source: ByteSource> {
    /// Largest PAX body or GNU long name accepted, so a hostile header cannot exhaust memory.
    public static var maxExtendedHeaderSize: Int64 { 16 << 20 }

    var source: Source
    /// Bytes consumed from the source so far, for error messages.
    public internal(set) var offset: Int64 = 0
    /// Data bytes of the current entry not yet read.
    var remaining: Int64 = 0
    /// Zero padding after the current entry's data, up to the next 512 boundary.
    var padding: Int64 = 0
    /// Records from PAX global ('g') headers; they apply to every later entry.
    var globalRecords: [String: [UInt8]] = [:]
    /// The entry whose data is being read.
    public private(set) var current: TarEntry?
    var finished = false

    /// A reader over `source`, positioned at the first header.
    public init(_ source: Source) { self.source = source }

    /// Advances to the next entry, skipping any unread data of the current one;
    /// nil at the end of the archive (two zero blocks, or a clean end of stream).
    public mutating func next() throws(TarError) -> TarEntry? {
        guard !finished else { return nil }
        try skipRest()
        current = nil
        var pending = PendingExtensions()
        while true {
            let headerOffset = offset
            guard let block = try readBlock(entry: pending.name, required: pending.any) else {
                finished = true
                return nil
            }
            if block.isZero {
                let second = try readBlock(entry: nil, required: false)
                guard second == nil || second?.isZero == true else {
                    throw .malformedHeader(entry: nil, offset: headerOffset, reason: "single zero block inside the archive")
                }
                if pending.any { throw .truncated(entry: pending.name, offset: headerOffset) }
                finished = true
                return nil
            }
            let rawName = block.string(HeaderBlock.Field.name)
            guard block.checksumMatches else { throw .badChecksum(entry: rawName, offset: headerOffset) }
            guard let size = block.number(HeaderBlock.Field.size), size >= 0 else {
                throw .invalidNumericField(field: "size", entry: rawName, offset: headerOffset)
            }
            let typeflag = block.bytes[HeaderBlock.Field.typeflag.0]
            switch typeflag {
            case UInt8(ascii: "x"), UInt8(ascii: "g"):
                let body = try readExtension(size: size, entry: rawName, at: headerOffset)
                let records: [(key: String, value: [UInt8])]
                switch PAXRecords.parse(body) {
                case .success(let parsed): records = parsed
                case .failure(let failure):
                    throw .malformedHeader(entry: rawName, offset: headerOffset, reason: failure.reason)
                }
                for record in records {
                    if typeflag == UInt8(ascii: "g") {
                        globalRecords[record.key] = record.value
                    } else {
                        pending.records[record.key] = record.value
                    }
                }
                pending.sawPAX = true
            case UInt8(ascii: "L"):
                pending.longName = Self.text(try readExtension(size: size, entry: rawName, at: headerOffset))
            case UInt8(ascii: "K"):
                pending.longLink = Self.text(try readExtension(size: size, entry: rawName, at: headerOffset))
            default:
                let entry = try makeEntry(block, size: size, pending: pending, at: headerOffset)
                remaining = entry.type.hasData ? entry.size : 0
                padding = Self.padding(for: remaining)
                current = entry
                return entry
            }
        }
    }

    /// Reads the current entry's contents into `buffer`; returns 0 once they are exhausted.
    public mutating func readData(into buffer: UnsafeMutableRawBufferPointer) throws(TarError) -> Int {
        guard remaining > 0, buffer.count > 0 else { return 0 }
        let want = Int(min(Int64(buffer.count), remaining))
        let got = try readSource(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
        if got == 0 { throw .truncated(entry: current?.name, offset: offset) }
        remaining -= Int64(got)
        return got
    }

    /// Reads the rest of the current entry's contents into memory, refusing more than `limit` bytes.
    public mutating func readAllData(limit: Int = 64 << 20) throws(TarError) -> [UInt8] {
        guard remaining <= Int64(limit) else {
            throw .misuse("entry \"\(current?.name ?? "")\" has \(remaining) bytes, over the \(limit)-byte limit")
        }
        var data = [UInt8](repeating: 0, count: Int(remaining))
        var filled = 0
        while filled < data.count {
            let got = try data.withMutableBytes { (buffer) throws(TarError) -> Int in
                try readData(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            filled += got
        }
        return data
    }

    /// Bytes of zero padding after `size` data bytes.
    static func padding(for size: Int64) -> Int64 {
        let partial = size % Int64(HeaderBlock.size)
        return partial == 0 ? 0 : Int64(HeaderBlock.size) - partial
    }

    /// A GNU long name body: text up to the first NUL.
    static func text(_ bytes: [UInt8]) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}

/// What the extension headers ('x', 'L', 'K') before an entry said about it.
struct PendingExtensions {
    var records: [String: [UInt8]] = [:]
    var longName: String?
    var longLink: String?
    var sawPAX = false

    var any: Bool { sawPAX || longName != nil || longLink != nil }
    /// The best name known so far, for error messages.
    var name: String? {
        records["path"].map { String(decoding: $0, as: UTF8.self) } ?? longName
    }
}
