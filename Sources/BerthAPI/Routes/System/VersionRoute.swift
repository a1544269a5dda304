/// `GET /version` (`docker version`): the engine's version facts from the backend.
public enum VersionRoute {
    /// The route over `backend`.
    public static func route(_ backend: any SystemBackend) -> Route {
        Route(.GET, "/version") { _ in try APIResponse.json(try await backend.systemVersion()) }
    }
}
