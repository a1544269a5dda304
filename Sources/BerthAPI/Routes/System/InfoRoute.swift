/// `GET /info` (`docker info`): counts, host facts and settings from the backend.
public enum InfoRoute {
    /// The route over `backend`.
    public static func route(_ backend: any SystemBackend) -> Route {
        Route(.GET, "/info") { _ in try APIResponse.json(try await backend.systemInfo()) }
    }
}
