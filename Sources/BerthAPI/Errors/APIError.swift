/// A ready-made Docker-style API error: an HTTP status plus the message the CLI prints
/// after "Error response from daemon: ". Routes and backends throw it directly.
public struct APIError: HTTPStatusError, Equatable, CustomStringConvertible {
    /// The HTTP status code.
    public let statusCode: Int
    /// The user-facing message.
    public let message: String

    /// An error with an explicit status; prefer the named constructors below.
    public init(statusCode: Int, message: String) {
        self.statusCode = statusCode
        self.message = message
    }

    /// 400: the request is malformed or names an invalid parameter.
    public static func badRequest(_ message: String) -> APIError { APIError(statusCode: 400, message: message) }
    /// 403: the operation is forbidden in the current state (e.g. network with endpoints).
    public static func forbidden(_ message: String) -> APIError { APIError(statusCode: 403, message: message) }
    /// 404: the object (container, image, …) or the page does not exist.
    public static func notFound(_ message: String) -> APIError { APIError(statusCode: 404, message: message) }
    /// 409: the object is in a state that conflicts with the request.
    public static func conflict(_ message: String) -> APIError { APIError(statusCode: 409, message: message) }
    /// 500: the daemon failed.
    public static func internalError(_ message: String) -> APIError { APIError(statusCode: 500, message: message) }
    /// 304: nothing to do (start a running container, stop a stopped one); sent with no body.
    public static let notModified = APIError(statusCode: 304, message: "")
    /// 404 `page not found`, dockerd's answer for unknown paths and wrong methods.
    public static let pageNotFound = APIError.notFound("page not found")

    /// The message, so logs and `String(describing:)` read naturally.
    public var description: String { "\(statusCode): \(message)" }
}
