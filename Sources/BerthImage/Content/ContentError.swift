/// Failures of the content store, each naming the blob and what went wrong.
public enum ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes did not hash to the digest they were stored or read under.
    case digestMismatch(expected: Digest, actual: Digest)
    /// The declared size and the bytes disagree.
    case sizeMismatch(digest: Digest?, expected: Int64, actual: Int64)
    /// No blob with this digest.
    case notFound(Digest)
    /// An I/O failure, with the system's words.
    case io(String)

    public var description: String {
        switch self {
        case .digestMismatch(let expected, let actual):
            return "digest mismatch: expected \(expected), got \(actual)"
        case .sizeMismatch(let digest, let expected, let actual):
            return "size mismatch for \(digest.map { "\($0)" } ?? "blob"): expected \(expected) bytes, got \(actual)"
        case .notFound(let digest):
            return "blob \(digest) not found"
        case .io(let message):
            return message
        }
    }
}
