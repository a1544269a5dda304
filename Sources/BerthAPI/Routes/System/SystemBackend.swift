/// What the system routes need from the engine (moby's `router/system.Backend`):
/// the daemon plugs in an implementation that knows the host and, later, the stores.
public protocol SystemBackend: Sendable {
    /// The facts for `GET /version`.
    func systemVersion() async throws -> SystemVersion
    /// The facts for `GET /info`, with current counts.
    func systemInfo() async throws -> SystemInfo
}
