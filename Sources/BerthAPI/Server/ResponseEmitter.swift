import Logging
import NIOCore
import NIOHTTP1

/// Writes an `APIResponse` to a connection: standard headers, Content-Length for fixed
/// bodies, chunked for streams, no body for HEAD/204/304, and `Connection: close` when the
/// client did not ask for keep-alive.
struct ResponseEmitter: Sendable {
    let standardHeaders: StandardHeaders
    let logger: Logger

    /// Sends `response` as the answer to `request` on `channel`; failures close the connection.
    func send(_ response: APIResponse, for request: HTTPRequestHead, on channel: any Channel, handlers: HTTPHandlerSet? = nil) async {
        var headers = HTTPHeaders()
        standardHeaders.apply(to: &headers)
        for (name, value) in response.headers { headers.replaceOrAdd(name: name, value: value) }
        if case .hijack(let connect, let detachSequence) = response.body, let handlers {
            await ConnectionHijacker.hijack(request: request, response: response, headers: headers, handlers: handlers,
                                            channel: channel, detachSequence: detachSequence, connect: connect, logger: logger)
            return
        }
        let keepAlive = request.isKeepAlive
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let code = response.status.code
        let statusForbidsBody = code == 204 || code == 304 || (100..<200).contains(code)
        let sendsBody = !statusForbidsBody && request.method != .HEAD
        switch response.body {
        case .none:
            if !statusForbidsBody { headers.replaceOrAdd(name: "Content-Length", value: "0") }
        case .bytes(let buffer):
            if !statusForbidsBody && !headers.contains(name: "Content-Length") {
                headers.replaceOrAdd(name: "Content-Length", value: String(buffer.readableBytes))
            }
        case .stream, .hijack:
            if !sendsBody && !statusForbidsBody { headers.replaceOrAdd(name: "Content-Length", value: "0") }
        }
        let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        do {
            switch response.body {
            case .stream(let produce) where sendsBody:
                // Headers go out at once: clients such as `wait` act on them before any body.
                try await channel.writeAndFlush(HTTPServerResponsePart.head(head))
                try await produce(ResponseBodyWriter { chunk in
                    try await channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(chunk)))
                })
                try await channel.writeAndFlush(HTTPServerResponsePart.end(nil))
            case .bytes(let buffer) where sendsBody:
                channel.write(HTTPServerResponsePart.head(head), promise: nil)
                channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
                try await channel.writeAndFlush(HTTPServerResponsePart.end(nil))
            default:
                channel.write(HTTPServerResponsePart.head(head), promise: nil)
                try await channel.writeAndFlush(HTTPServerResponsePart.end(nil))
            }
            if !keepAlive { try? await channel.close() }
        } catch {
            logger.debug("response aborted", metadata: ["uri": "\(request.uri)", "error": "\(error)"])
            channel.close(promise: nil)
        }
    }
}
