import Foundation
import NIOCore

/// The sink a streaming response writes to. Each write is flushed at once and waits until
/// the socket took it, so a slow client slows the producer instead of filling memory.
public struct ResponseBodyWriter: Sendable {
    private let sendChunk: @Sendable (ByteBuffer) async throws -> Void

    /// A writer over any chunk sink; the server supplies one bound to the connection.
    public init(_ sendChunk: @escaping @Sendable (ByteBuffer) async throws -> Void) {
        self.sendChunk = sendChunk
    }

    /// Writes and flushes bytes; throws when the client has gone.
    public func write(_ buffer: ByteBuffer) async throws {
        guard buffer.readableBytes > 0 else { return }
        try await sendChunk(buffer)
    }

    /// Writes a UTF-8 string.
    public func write(_ text: String) async throws {
        try await write(ByteBuffer(string: text))
    }

    /// Writes one JSON value followed by `\n` (NDJSON, as events and stats use).
    public func writeJSONLine(_ value: some Encodable) async throws {
        var buffer = ByteBuffer(bytes: try JSONCoding.encode(value))
        buffer.writeString("\n")
        try await write(buffer)
    }
}
