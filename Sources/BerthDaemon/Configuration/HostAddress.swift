/// A `--host` value. Berth serves the Engine API on Unix sockets only (`unix:///path`),
/// which is also what the docker CLI's `DOCKER_HOST` takes.
public struct HostAddress: Sendable, Equatable, CustomStringConvertible {
    /// The socket path.
    public let socketPath: String

    /// The default, chosen not to collide with dockerd's socket.
    public static let defaultAddress = HostAddress(socketPath: "/run/berth/berth.sock")

    /// A host for a socket path.
    public init(socketPath: String) { self.socketPath = socketPath }

    /// Parses `unix:///path` (or a bare absolute path).
    public init(parsing text: String) throws(DaemonConfigurationError) {
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw .unsupportedHost(text) }
            self.init(socketPath: path)
        } else if text.hasPrefix("/") {
            self.init(socketPath: text)
        } else {
            throw .unsupportedHost(text)
        }
    }

    /// `unix://<path>`.
    public var description: String { "unix://\(socketPath)" }
}
