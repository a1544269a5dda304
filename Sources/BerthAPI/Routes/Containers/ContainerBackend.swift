/// What the container routes need from the engine (a first slice: create,
/// start, wait, logs, kill, stop, remove, list, inspect).
public protocol ContainerBackend: Sendable {
    func create(_ request: ContainerCreateRequest, name: String?) async throws -> String
    func start(_ idOrName: String) async throws
    /// Waits for the container to stop; returns its exit code.
    func wait(_ idOrName: String) async throws -> Int
    /// The container's log in Docker's multiplexed framing (or raw for a TTY).
    func logs(_ idOrName: String, stdout: Bool, stderr: Bool) async throws -> [UInt8]
    func kill(_ idOrName: String, signal: String) async throws
    func stop(_ idOrName: String, timeout: Int?) async throws
    func remove(_ idOrName: String, force: Bool) async throws
    /// `docker ps`: newest first, filtered and limited as asked.
    func list(_ options: ContainerListOptions) async throws -> [ContainerSummary]
    /// `docker inspect`; `size` adds SizeRw and SizeRootFs.
    func inspect(_ idOrName: String, size: Bool) async throws -> ContainerInspect
}
