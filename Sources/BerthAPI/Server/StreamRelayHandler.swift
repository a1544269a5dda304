import LinuxSys
import NIOCore

/// Joins two channels into one two-way byte pipe (a hijacked API connection
/// and the container's attach socket): what one reads the other writes, a
/// half-close travels across as a half-close, a full close as a close, and a
/// slow reader throttles the fast writer through channel writability instead
/// of buffering without bound. Both channels live on the same event loop.
final class StreamRelayHandler: ChannelDuplexHandler, RemovableChannelHandler, @unchecked Sendable {
    // @unchecked: created off-loop, then touched only on the shared event loop.
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What to do when this side's peer stops sending.
    enum EndOfInput {
        /// Half-close the partner's output (client stdin EOF → container stdin EOF).
        case halfClosePartner
        /// Close the partner completely once written (container done → client done).
        case closePartner
    }

    private let endOfInput: EndOfInput
    private var context: ChannelHandlerContext?
    private var partner: StreamRelayHandler?
    /// Reads that arrived before the partner was connected.
    private var held: [ByteBuffer] = []
    private var inputClosedEarly = false
    private var closedEarly = false
    private var pendingRead = false
    /// Watches for the client bytes that end the session, leaving the container running (detach keys).
    private var detach: DetachKeys.Matcher?

    init(endOfInput: EndOfInput, detachSequence: [UInt8] = []) {
        self.endOfInput = endOfInput
        detach = detachSequence.isEmpty ? nil : DetachKeys.Matcher(detachSequence)
    }

    /// Connects two relays (call on their shared event loop).
    static func join(_ first: StreamRelayHandler, _ second: StreamRelayHandler) {
        first.partner = second
        second.partner = first
        first.releaseHeld()
        second.releaseHeld()
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if var matcher = detach {
            let (pass, detached) = matcher.feed(bytes.readableBytesView)
            detach = matcher
            bytes = context.channel.allocator.buffer(bytes: pass)
            if detached {
                // What came before the keys still goes in; then both sides close.
                if bytes.readableBytes > 0 { forward(bytes) }
                partner?.closeWhenWritten()
                context.close(promise: nil)
                return
            }
        }
        forward(bytes)
    }

    private func forward(_ bytes: ByteBuffer) {
        if let partner { partner.write(bytes) } else { held.append(bytes) }
    }

    func channelReadComplete(context: ChannelHandlerContext) { partner?.flush() }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            if let partner { endInput(to: partner) } else { inputClosedEarly = true }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let partner { partner.closeWhenWritten() } else { closedEarly = true }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { partner?.resumeReading() }
        context.fireChannelWritabilityChanged()
    }

    func read(context: ChannelHandlerContext) {
        if let partner, partner.isWritable {
            context.read()
        } else {
            pendingRead = true
        }
    }

    // MARK: - Called by the partner

    private var isWritable: Bool { context?.channel.isWritable ?? false }

    private func write(_ bytes: ByteBuffer) { context?.write(wrapOutboundOut(bytes), promise: nil) }

    private func flush() { context?.flush() }

    private func resumeReading() {
        guard pendingRead, let context else { return }
        pendingRead = false
        context.read()
    }

    private func endInput(to partner: StreamRelayHandler) {
        switch endOfInput {
        case .halfClosePartner: partner.closeOutputWhenWritten()
        case .closePartner: partner.closeWhenWritten()
        }
    }

    private func closeOutputWhenWritten() {
        guard let context else { return }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
    }

    private func closeWhenWritten() {
        guard let context else { return }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func releaseHeld() {
        guard let partner else { return }
        for bytes in held { partner.write(bytes) }
        if !held.isEmpty { partner.flush() }
        held = []
        if inputClosedEarly { endInput(to: partner) }
        if closedEarly { partner.closeWhenWritten() }
        resumeReading()
    }
}
