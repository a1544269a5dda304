import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP handlers of one connection, so a hijacking response can take
/// them out and leave a raw byte pipe (`docker attach`, `exec start`).
final class HTTPHandlerSet: @unchecked Sendable {
    // Touched only on the connection's event loop.
    let handlers: [any RemovableChannelHandler]

    init(_ handlers: [any RemovableChannelHandler]) { self.handlers = handlers }
}

/// Turns an HTTP connection into a relay to a backend stream socket.
enum ConnectionHijacker {
    /// Sends the upgrade head, swaps the HTTP handlers for a relay, waits for
    /// the backend's socket and joins the two. Any failure closes the client.
    static func hijack(
        request: HTTPRequestHead, response: APIResponse, headers: HTTPHeaders, handlers: HTTPHandlerSet,
        channel: any Channel, detachSequence: [UInt8] = [], connect: @escaping @Sendable () async throws -> Int32?, logger: Logger
    ) async {
        let upgrade = request.headers["Upgrade"].contains { $0.lowercased() == "tcp" }
        var head = upgrade ? "HTTP/1.1 101 UPGRADED\r\n" : "HTTP/1.1 200 OK\r\n"
        for (name, value) in headers where name.lowercased() != "content-length" && name.lowercased() != "connection" {
            head += "\(name): \(value)\r\n"
        }
        head += upgrade ? "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n" : "\r\n"
        let clientRelay = StreamRelayHandler(endOfInput: .halfClosePartner, detachSequence: detachSequence)
        do {
            try await channel.eventLoop.submit {
                let operations = channel.pipeline.syncOperations
                try operations.addHandler(clientRelay)
                for handler in handlers.handlers { operations.removeHandler(handler, promise: nil) }
            }.get()
            try await channel.writeAndFlush(channel.allocator.buffer(string: head))
        } catch {
            logger.debug("hijack failed", metadata: ["uri": "\(request.uri)", "error": "\(error)"])
            channel.close(promise: nil)
            return
        }
        let descriptor: Int32?
        do { descriptor = try await connect() } catch {
            logger.debug("hijack target failed", metadata: ["uri": "\(request.uri)", "error": "\(error)"])
            descriptor = nil
        }
        guard let descriptor else {
            channel.close(promise: nil)
            return
        }
        let backendRelay = StreamRelayHandler(endOfInput: .closePartner)
        do {
            let backend = try await ClientBootstrap(group: channel.eventLoop)
                .channelOption(.allowRemoteHalfClosure, value: true)
                .channelInitializer { backendChannel in
                    backendChannel.eventLoop.makeCompletedFuture {
                        try backendChannel.pipeline.syncOperations.addHandler(backendRelay)
                    }
                }
                .withConnectedSocket(descriptor).get()
            try await channel.eventLoop.submit {
                StreamRelayHandler.join(clientRelay, backendRelay)
            }.get()
            _ = backend
        } catch {
            logger.debug("hijack relay failed", metadata: ["uri": "\(request.uri)", "error": "\(error)"])
            channel.close(promise: nil)
        }
    }
}
