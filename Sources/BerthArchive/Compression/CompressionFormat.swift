/// How an image layer's tar stream is compressed: none (plain tar), gzip (Docker) or zstd (OCI).
public enum CompressionFormat: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case none
    case gzip
    case zstd

    /// The gzip magic number (RFC 1952): 1f 8b.
    static let gzipMagic: [UInt8] = [0x1f, 0x8b]
    /// The zstd frame magic number (RFC 8878), little-endian 0xFD2FB528.
    static let zstdMagic: [UInt8] = [0x28, 0xb5, 0x2f, 0xfd]
    /// Bytes `detect(from:)` needs to tell every format apart.
    public static let magicLength = 4

    /// The format whose magic number starts `firstBytes`; `.none` when no magic matches.
    public static func detect(from firstBytes: some Collection<UInt8>) -> CompressionFormat {
        if firstBytes.starts(with: zstdMagic) { return .zstd }
        if firstBytes.starts(with: gzipMagic) { return .gzip }
        return .none
    }

    public var description: String { rawValue }
}
