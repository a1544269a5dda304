/// How the API server listens and how patient it is when stopping.
public struct APIServerConfiguration: Sendable {
    /// The Unix socket path to listen on.
    public var socketPath: String
    /// The socket file's permissions (dockerd uses 0660 so a group can be granted access).
    public var socketMode: Int
    /// The daemon version shown in the `Server` header.
    public var serverVersion: String
    /// How long shutdown waits for in-flight requests before closing connections.
    public var shutdownGrace: Duration
    /// The largest request body buffered in memory.
    public var maximumBodyBytes: Int
    /// Event-loop threads.
    public var threads: Int

    /// A configuration with dockerd-like defaults.
    public init(
        socketPath: String, socketMode: Int = 0o660, serverVersion: String, shutdownGrace: Duration = .seconds(5),
        maximumBodyBytes: Int = 512 * 1024 * 1024, threads: Int = 2
    ) {
        self.socketPath = socketPath
        self.socketMode = socketMode
        self.serverVersion = serverVersion
        self.shutdownGrace = shutdownGrace
        self.maximumBodyBytes = maximumBodyBytes
        self.threads = threads
    }
}
