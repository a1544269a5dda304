import Logging
import NIOCore
import NIOHTTP1

/// The last handler of a connection's pipeline: gathers one request (head, body parts —
/// NIO has already de-chunked them — and end), hands it to the router on a task, and
/// writes the answer. `HTTPServerPipelineHandler` in front of it holds back pipelined
/// requests until the response's `.end`, so keep-alive connections are served in order.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: Router
    private let emitter: ResponseEmitter
    private let maximumBodyBytes: Int
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var bodyTooLarge = false
    /// The connection's HTTP handlers (this one included), for hijacking responses.
    var handlerSet: HTTPHandlerSet?

    init(router: Router, emitter: ResponseEmitter, maximumBodyBytes: Int) {
        self.router = router
        self.emitter = emitter
        self.maximumBodyBytes = maximumBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = context.channel.allocator.buffer(capacity: 0)
            bodyTooLarge = false
        case .body(var chunk):
            if body.readableBytes + chunk.readableBytes > maximumBodyBytes {
                bodyTooLarge = true
                body.clear()
            } else if !bodyTooLarge {
                body.writeBuffer(&chunk)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            dispatch(requestHead, body: body, tooLarge: bodyTooLarge, channel: context.channel)
            body = ByteBuffer()
        }
    }

    private func dispatch(_ requestHead: HTTPRequestHead, body: ByteBuffer, tooLarge: Bool, channel: any Channel) {
        let router = self.router
        let emitter = self.emitter
        let limit = maximumBodyBytes
        let handlers = handlerSet
        Task {
            let response: APIResponse
            if tooLarge {
                response = .error(APIError(statusCode: 413, message: "request body larger than \(limit) bytes"))
            } else {
                response = await router.respond(
                    method: requestHead.method, uri: requestHead.uri, headers: requestHead.headers, body: body
                )
            }
            emitter.logger.debug(
                "request",
                metadata: [
                    "method": "\(requestHead.method)", "uri": "\(requestHead.uri)", "status": "\(response.status.code)",
                ]
            )
            await emitter.send(response, for: requestHead, on: channel, handlers: handlers)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        emitter.logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}
