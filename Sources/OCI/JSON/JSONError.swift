// Syntax errors reported by JSONParser.

/// A JSON syntax error with the byte offset where parsing failed, so users can locate the problem.
public struct JSONError: Error, Sendable, CustomStringConvertible {
    /// What was wrong, e.g. `expected ',' or '}'`.
    public var message: String
    /// Zero-based byte offset into the input where the error was detected.
    public var offset: Int

    /// Creates an error with a message and the byte offset it refers to.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// Human-readable form, e.g. `invalid JSON at byte 17: expected ',' or '}'`.
    public var description: String {
        "invalid JSON at byte \(offset): \(message)"
    }
}
