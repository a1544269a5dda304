import Foundation

/// The one JSON encoder configuration for API bodies: keys sorted (stable output for tests
/// and diffs), slashes unescaped as Go writes them.
public enum JSONCoding {
    /// Encodes a value without a trailing newline.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
