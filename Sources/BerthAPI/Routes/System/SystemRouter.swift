/// The system endpoints: `/_ping`, `/version`, `/info`, over a `SystemBackend`.
public struct SystemRouter: APIRouter {
    private let backend: any SystemBackend

    /// A router answering from `backend`.
    public init(backend: any SystemBackend) { self.backend = backend }

    /// Ping (GET and HEAD), version and info.
    public var routes: [Route] {
        PingRoute.routes + [VersionRoute.route(backend), InfoRoute.route(backend)]
    }
}
