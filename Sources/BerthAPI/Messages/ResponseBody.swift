import NIOCore

/// What follows a response head: nothing, a fixed body (sent with Content-Length), or a
/// stream produced over time (sent chunked) for events, logs, pulls and builds.
public enum ResponseBody: Sendable {
    /// No body (Content-Length: 0, or nothing at all for 204/304).
    case none
    /// A complete body.
    case bytes(ByteBuffer)
    /// A body written piece by piece; the response ends when the closure returns or throws.
    case stream(@Sendable (ResponseBodyWriter) async throws -> Void)
    /// The connection leaves HTTP (101 UPGRADED when the client asked for
    /// `Upgrade: tcp`, else 200 and raw bytes until close) and is relayed both
    /// ways to the connected stream socket `connect` returns (it may wait, for
    /// example until the container starts; nil or a throw closes the connection).
    /// `detachSequence`: client bytes that end the session (the container's
    /// detach keys with a TTY; empty for none).
    case hijack(@Sendable () async throws -> Int32?, detachSequence: [UInt8])
}
