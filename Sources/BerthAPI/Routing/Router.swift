import NIOCore
import NIOHTTP1

/// Dispatches a request to the route that matches its method and unversioned path,
/// applying dockerd's rules: unknown path or wrong method → 404 `page not found`;
/// a matched route with an out-of-range version prefix → 400. Never throws: every
/// error becomes a Docker JSON error response.
public struct Router: Sendable {
    /// Touched on every request (for idle-time housekeeping).
    public let activity = ActivityClock()
    /// All routes, in registration order (the first match wins).
    public let routes: [Route]
    /// The accepted API versions.
    public let versionPolicy: VersionPolicy

    /// A router over the routes of the given groups.
    public init(_ groups: [any APIRouter], versionPolicy: VersionPolicy = .berth) {
        self.init(routes: groups.flatMap(\.routes), versionPolicy: versionPolicy)
    }

    /// A router over explicit routes.
    public init(routes: [Route], versionPolicy: VersionPolicy = .berth) {
        self.routes = routes
        self.versionPolicy = versionPolicy
    }

    /// The route and captured parameters for a method and unversioned path, if any.
    public func match(_ method: HTTPMethod, _ path: String) -> (route: Route, parameters: [String: String])? {
        for route in routes where route.method == method {
            if let parameters = route.pattern.match(path) { return (route, parameters) }
        }
        return nil
    }

    /// Handles one request end to end and returns the response to send.
    public func respond(method: HTTPMethod, uri: String, headers: HTTPHeaders, body: ByteBuffer) async -> APIResponse {
        activity.touch()
        let target = RequestTarget(uri)
        let versioned = VersionedPath(target.path)
        guard let (route, parameters) = match(method, versioned.path) else {
            return APIResponse.error(APIError.pageNotFound)
        }
        do {
            let version = try versionPolicy.resolve(versioned.version)
            let request = APIRequest(
                method: method, path: versioned.path, version: version, headers: headers,
                query: target.query, pathParameters: parameters, body: body
            )
            return try await route.handler(request)
        } catch {
            return APIResponse.error(error)
        }
    }
}
