/// Why a compressed stream could not be read or written; names the format and, when
/// reading, the offset in the compressed input where the problem was found.
public enum CompressionError: Error, Equatable, CustomStringConvertible {
    /// The compressed input ended before the end of its last member/frame.
    case truncated(format: CompressionFormat, compressedOffset: Int64)
    /// The compressed input is not valid: a bad header, bad data, a CRC or length mismatch, trailing garbage.
    case corrupt(format: CompressionFormat, compressedOffset: Int64, reason: String)
    /// The compression library refused an operation (out of memory, bad parameter).
    case library(format: CompressionFormat, operation: String, reason: String)
    /// The stream was used out of order (a write after `finish()`).
    case misuse(format: CompressionFormat, what: String)

    public var description: String {
        switch self {
        case .truncated(let format, let offset):
            return "\(format): compressed stream truncated at compressed byte offset \(offset)"
        case .corrupt(let format, let offset, let reason):
            return "\(format): corrupt compressed data at compressed byte offset \(offset): \(reason)"
        case .library(let format, let operation, let reason):
            return "\(format): \(operation) failed: \(reason)"
        case .misuse(let format, let what):
            return "\(format): \(what)"
        }
    }
}
