import NIOCore
import NIOPosix

/// Waits, without a thread of its own, for a shim to report its container's
/// exit: one `wait` request on the shim's control socket, answered by one
/// line when the container has exited — or by the socket closing if the shim
/// itself is gone. Either way the caller then reads the recorded state.
enum ShimExitWatcher {
    /// Returns once the shim has answered `request` (`wait`, or `wait-exec ID`
    /// for one of its execs) or gone away.
    static func waitForExit(socketPath: String, request: String = "wait", group: any EventLoopGroup) async {
        let loop = group.next()
        let answered = loop.makePromise(of: Void.self)
        do {
            let channel = try await ClientBootstrap(group: loop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(LineWaiter(answered: answered))
                    }
                }
                .connect(unixDomainSocketPath: socketPath).get()
            try await channel.writeAndFlush(channel.allocator.buffer(string: request + "\n"))
            try? await answered.futureResult.get()
            try? await channel.close()
        } catch {
            answered.succeed()
        }
    }

    /// Completes `answered` at the first newline or when the connection ends.
    private final class LineWaiter: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let answered: EventLoopPromise<Void>

        init(answered: EventLoopPromise<Void>) { self.answered = answered }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if unwrapInboundIn(data).readableBytesView.contains(0x0a) { answered.succeed() }
        }

        func channelInactive(context: ChannelHandlerContext) { answered.succeed() }

        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }
}
