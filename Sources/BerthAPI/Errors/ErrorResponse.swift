/// The JSON body of every Docker API error: `{"message":"…"}`.
public struct ErrorResponse: Codable, Sendable, Equatable {
    /// The text the CLI shows after "Error response from daemon: ".
    public let message: String

    /// Wraps a message.
    public init(message: String) { self.message = message }
}
