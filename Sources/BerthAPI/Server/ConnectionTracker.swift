import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// The open client connections, so shutdown can ask each to finish its current request
/// and close (`ChannelShouldQuiesceEvent`, which `HTTPServerPipelineHandler` honours).
final class ConnectionTracker: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    /// Starts tracking a new connection until it closes.
    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLockedValue { $0[key] = channel }
        channel.closeFuture.whenComplete { [channels] _ in
            channels.withLockedValue { _ = $0.removeValue(forKey: key) }
        }
    }

    /// The number of open connections.
    var count: Int { channels.withLockedValue { $0.count } }

    /// Asks every connection to close after its in-flight request; completes when all closed.
    func quiesceAll(on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let open = channels.withLockedValue { Array($0.values) }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        return EventLoopFuture.andAllComplete(open.map(\.closeFuture), on: eventLoop)
    }

    /// Closes every connection at once (after the grace period).
    func closeAll() {
        let open = channels.withLockedValue { Array($0.values) }
        for channel in open { channel.close(promise: nil) }
    }
}
