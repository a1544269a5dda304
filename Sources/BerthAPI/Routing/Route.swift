import NIOHTTP1

/// What a route does with a request: decode it, call a backend, encode the answer.
public typealias RouteHandler = @Sendable (APIRequest) async throws -> APIResponse

/// One endpoint: an HTTP method, a path template and its handler,
/// e.g. `Route(.GET, "/containers/{id}/json") { request in … }`.
public struct Route: Sendable {
    /// The method this route answers.
    public let method: HTTPMethod
    /// The path template, matched against the unversioned path.
    public let pattern: RoutePattern
    /// The handler.
    public let handler: RouteHandler

    /// A route for `method` on `template`.
    public init(_ method: HTTPMethod, _ template: String, handler: @escaping RouteHandler) {
        self.method = method
        self.pattern = RoutePattern(template)
        self.handler = handler
    }
}
