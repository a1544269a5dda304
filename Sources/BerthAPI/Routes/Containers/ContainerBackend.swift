/// What the container lifecycle routes need from the engine: create, start,
/// attach, wait, logs, kill, stop, restart, remove, list and inspect.
public protocol ContainerBackend: Sendable {
    func create(_ request: ContainerCreateRequest, name: String?) async throws -> String
    func start(_ idOrName: String) async throws
    /// Registers a waiter now; the returned closure awaits the exit code.
    func wait(_ idOrName: String, condition: String?) async throws -> @Sendable () async -> Int
    /// Whether the stream is raw (TTY), and a producer of the log bytes (framed unless raw).
    func logs(_ idOrName: String, query: LogQuery) async throws
        -> (tty: Bool, produce: @Sendable (@Sendable ([UInt8]) async throws -> Void) async throws -> Void)
    func kill(_ idOrName: String, signal: String) async throws
    func stop(_ idOrName: String, timeout: Int?, signal: String?) async throws
    func restart(_ idOrName: String, timeout: Int?, signal: String?) async throws
    func remove(_ idOrName: String, force: Bool, volumes: Bool) async throws
    /// `docker ps`: newest first, filtered and limited as asked.
    func list(_ options: ContainerListOptions) async throws -> [ContainerSummary]
    /// `docker inspect`; `size` adds SizeRw and SizeRootFs.
    func inspect(_ idOrName: String, size: Bool) async throws -> ContainerInspect
    /// `docker inspect` already encoded as JSON: the CLI inspects before
    /// every exec, attach and start, so engines may answer it from a cache.
    func inspectJSON(_ idOrName: String, size: Bool) async throws -> [UInt8]
    /// Whether the stream is raw (TTY), and what connects it to the container's stdio.
    func attach(_ idOrName: String, stdin: Bool, stdout: Bool, stderr: Bool) async throws
        -> (tty: Bool, connect: @Sendable () async throws -> Int32?)
    func resize(_ idOrName: String, height: Int, width: Int) async throws
}

extension ContainerBackend {
    /// Encodes `inspect` each time.
    public func inspectJSON(_ idOrName: String, size: Bool) async throws -> [UInt8] {
        try JSONCoding.encode(try await inspect(idOrName, size: size))
    }
}
