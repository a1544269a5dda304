import Foundation
import NIOCore
import NIOHTTP1

/// A request as a route sees it: method, unversioned path, negotiated API version,
/// path parameters, query, headers and the whole body.
public struct APIRequest: Sendable {
    /// The HTTP method.
    public let method: HTTPMethod
    /// The decoded path without the `/vX.Y` prefix.
    public let path: String
    /// The API version the client asked for (the maximum when unversioned).
    public let version: APIVersion
    /// The request headers.
    public let headers: HTTPHeaders
    /// The decoded query parameters.
    public let query: QueryParameters
    /// Values captured by `{name}` parts of the route template.
    public let pathParameters: [String: String]
    /// The request body (Content-Length or chunked, already de-chunked).
    public let body: ByteBuffer

    /// Builds a request; the server and tests call this.
    public init(
        method: HTTPMethod, path: String, version: APIVersion = .current, headers: HTTPHeaders = [:],
        query: QueryParameters = QueryParameters(rawQuery: ""), pathParameters: [String: String] = [:],
        body: ByteBuffer = ByteBuffer()
    ) {
        self.method = method
        self.path = path
        self.version = version
        self.headers = headers
        self.query = query
        self.pathParameters = pathParameters
        self.body = body
    }

    /// A path parameter the route template guarantees; a 500 if the template lacks it
    /// (a programming error, reported rather than crashing the daemon).
    public func parameter(_ name: String) throws(APIError) -> String {
        guard let value = pathParameters[name] else {
            throw .internalError("route \(path) has no path parameter \(name)")
        }
        return value
    }

    /// Decodes a JSON body; an empty or malformed body is a 400 naming the problem.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws(APIError) -> T {
        guard body.readableBytes > 0 else { throw .badRequest("request body is empty") }
        do {
            return try JSONDecoder().decode(type, from: Data(body.readableBytesView))
        } catch {
            throw .badRequest("invalid JSON body: \(error)")
        }
    }
}
