/// One 512-byte ustar header block: field offsets, checksum, and conversion
/// to and from bytes. Everything above the raw fields lives in TarReader/TarWriter.
struct HeaderBlock {
    static let size = 512

    /// (offset, width) of each ustar field.
    enum Field {
        static let name = (0, 100)
        static let mode = (100, 8)
        static let uid = (108, 8)
        static let gid = (116, 8)
        static let size = (124, 12)
        static let mtime = (136, 12)
        static let checksum = (148, 8)
        static let typeflag = (156, 1)
        static let linkName = (157, 100)
        static let magic = (257, 6)
        static let version = (263, 2)
        static let userName = (265, 32)
        static let groupName = (297, 32)
        static let devMajor = (329, 8)
        static let devMinor = (337, 8)
        static let prefix = (345, 155)
    }

    var bytes: [UInt8]

    /// A block of zeros.
    init() { bytes = [UInt8](repeating: 0, count: Self.size) }

    /// A block over 512 bytes read from an archive.
    init(bytes: [UInt8]) { self.bytes = bytes }

    var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

    /// The raw bytes of a field.
    func field(_ field: (Int, Int)) -> ArraySlice<UInt8> { bytes[field.0..<(field.0 + field.1)] }

    /// A text field up to its first NUL.
    func string(_ field: (Int, Int)) -> String {
        let raw = self.field(field)
        let end = raw.firstIndex(of: 0) ?? raw.endIndex
        return String(decoding: raw[raw.startIndex..<end], as: UTF8.self)
    }

    /// A numeric field, or nil when malformed.
    func number(_ field: (Int, Int)) -> Int64? { NumericField.parse(self.field(field)) }

    /// Whether the magic says POSIX ustar ("ustar\0"), whose prefix field extends the name.
    var isPOSIXUstar: Bool { Array(field(Field.magic)) == Array("ustar\0".utf8) }

    /// Copies `value` into a field, truncated to its width (callers check the fit first).
    mutating func set(_ field: (Int, Int), _ value: [UInt8]) {
        for (index, byte) in value.prefix(field.1).enumerated() { bytes[field.0 + index] = byte }
    }

    /// Whether the stored checksum matches, accepting the historic signed-byte sum too.
    var checksumMatches: Bool {
        guard let stored = number(Field.checksum) else { return false }
        let sums = checksums()
        return stored == sums.unsigned || stored == sums.signed
    }

    /// Writes the checksum field (six octal digits, NUL, space) over the block's bytes.
    mutating func sealChecksum() {
        let sum = checksums().unsigned
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 6)
        var remaining = sum
        for index in stride(from: 5, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(remaining & 7)
            remaining >>= 3
        }
        set(Field.checksum, digits + [0, UInt8(ascii: " ")])
    }

    /// Unsigned and signed byte sums with the checksum field counted as spaces.
    private func checksums() -> (unsigned: Int64, signed: Int64) {
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (index, byte) in bytes.enumerated() {
            let value = (Field.checksum.0..<(Field.checksum.0 + Field.checksum.1)).contains(index) ? UInt8(ascii: " ") : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        return (unsigned, signed)
    }
}
