/// Why the API server could not start on its socket.
public enum APIServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process accepts connections on the socket path.
    case socketInUse(path: String)
    /// Something other than a socket sits at the path; removing it could destroy data.
    case notASocket(path: String)
    /// The socket could not be prepared or bound.
    case cannotListen(path: String, reason: String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .socketInUse(let path):
            "another process is already listening on \(path)"
        case .notASocket(let path):
            "\(path) exists and is not a socket; refusing to replace it"
        case .cannotListen(let path, let reason):
            "cannot listen on \(path): \(reason)"
        }
    }
}
