import NIOCore
import NIOHTTP1

/// A response as a route builds it: status, route-specific headers and a body. The server
/// adds the headers every response carries (Api-Version, Server, Date, …).
public struct APIResponse: Sendable {
    /// The HTTP status.
    public var status: HTTPResponseStatus
    /// Headers specific to this response (Content-Type and the like).
    public var headers: HTTPHeaders
    /// The body.
    public var body: ResponseBody

    /// A response with explicit parts.
    public init(status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:], body: ResponseBody = .none) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `Content-Type: application/json` and a trailing newline, as dockerd sends.
    public static func json(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> APIResponse {
        json(encoded: try JSONCoding.encode(value), status: status)
    }

    /// A JSON body already encoded (by JSONCoding).
    public static func json(encoded: [UInt8], status: HTTPResponseStatus = .ok) -> APIResponse {
        var buffer = ByteBuffer(bytes: encoded)
        buffer.writeString("\n")
        return APIResponse(status: status, headers: ["Content-Type": "application/json"], body: .bytes(buffer))
    }

    /// A plain-text body.
    public static func text(_ text: String, status: HTTPResponseStatus = .ok) -> APIResponse {
        APIResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: .bytes(ByteBuffer(string: text))
        )
    }

    /// A streamed body (chunked) with the given content type.
    public static func stream(
        contentType: String, status: HTTPResponseStatus = .ok,
        _ produce: @escaping @Sendable (ResponseBodyWriter) async throws -> Void
    ) -> APIResponse {
        APIResponse(status: status, headers: ["Content-Type": contentType], body: .stream(produce))
    }

    /// A hijacked stream (attach, exec start) with the given content type.
    public static func hijack(contentType: String, detachSequence: [UInt8] = [],
                              _ connect: @escaping @Sendable () async throws -> Int32?) -> APIResponse {
        APIResponse(status: .ok, headers: ["Content-Type": contentType], body: .hijack(connect, detachSequence: detachSequence))
    }

    /// 204 No Content.
    public static let noContent = APIResponse(status: .noContent)

    /// Docker's error response for any error: `HTTPStatusError`s keep their status and message,
    /// 304 has no body, anything else is a 500 with the error's description.
    public static func error(_ error: any Error) -> APIResponse {
        let statusCode: Int
        let message: String
        if let known = error as? any HTTPStatusError {
            statusCode = known.statusCode
            message = known.message
        } else {
            statusCode = 500
            message = String(describing: error)
        }
        let status = HTTPResponseStatus(statusCode: statusCode)
        if statusCode == 304 { return APIResponse(status: status) }
        var buffer = ByteBuffer()
        if let bytes = try? JSONCoding.encode(ErrorResponse(message: message)) {
            buffer.writeBytes(bytes)
        } else {
            buffer.writeString(#"{"message":"internal error"}"#)
        }
        buffer.writeString("\n")
        return APIResponse(status: status, headers: ["Content-Type": "application/json"], body: .bytes(buffer))
    }
}
