/// `POST /containers/{id}/wait`'s answer: `{"Error":null,"StatusCode":N}`,
/// with `Error.Message` set when waiting itself failed.
public struct ContainerWaitResponse: Encodable, Sendable {
    public var StatusCode: Int
    public var ErrorMessage: String?

    /// The exit code, and an error message when waiting failed.
    public init(statusCode: Int, error: String? = nil) {
        StatusCode = statusCode
        ErrorMessage = error
    }

    private enum Keys: String, CodingKey { case Error, StatusCode }
    private struct Message: Encodable { let Message: String }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let ErrorMessage { try container.encode(Message(Message: ErrorMessage), forKey: .Error) } else { try container.encodeNil(forKey: .Error) }
        try container.encode(StatusCode, forKey: .StatusCode)
    }
}
