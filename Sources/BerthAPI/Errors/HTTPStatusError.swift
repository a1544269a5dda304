/// An error that knows the HTTP status and the message Docker clients should see.
///
/// Engine errors live below the API layer and cannot import it, so BerthAPI makes them
/// conform in extensions (as moby's `errdefs` map to statuses in its `httputils`);
/// anything thrown that does not conform becomes a 500 with its description.
public protocol HTTPStatusError: Error, Sendable {
    /// The HTTP status code, e.g. 404.
    var statusCode: Int { get }
    /// The text for the `{"message":"…"}` body; ignored for 304.
    var message: String { get }
}
