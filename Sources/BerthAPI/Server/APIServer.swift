import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The Engine API's HTTP/1.1 server on a Unix socket: keep-alive, Content-Length and chunked
/// request bodies, streamed responses, and a graceful stop (no new connections, in-flight
/// requests finish within a grace period, the socket file is removed).
public final class APIServer: Sendable {
    /// The socket path being served.
    public let socketPath: String
    private let configuration: APIServerConfiguration
    private let group: MultiThreadedEventLoopGroup
    private let serverChannel: any Channel
    private let connections: ConnectionTracker
    private let logger: Logger
    private let stopping = NIOLockedValueBox(false)

    private init(
        configuration: APIServerConfiguration, group: MultiThreadedEventLoopGroup, serverChannel: any Channel,
        connections: ConnectionTracker, logger: Logger
    ) {
        self.socketPath = configuration.socketPath
        self.configuration = configuration
        self.group = group
        self.serverChannel = serverChannel
        self.connections = connections
        self.logger = logger
    }

    /// Binds the socket and starts serving `router`; throws `APIServerError` when the path is
    /// in use or cannot be bound.
    public static func start(
        _ configuration: APIServerConfiguration, router: Router, logger: Logger
    ) async throws -> APIServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        do {
            let path = configuration.socketPath
            try await UnixSocketGuard.prepare(path, group: group)
            let connections = ConnectionTracker()
            let emitter = ResponseEmitter(
                standardHeaders: StandardHeaders(serverVersion: configuration.serverVersion), logger: logger
            )
            let maximumBodyBytes = configuration.maximumBodyBytes
            let channel: any Channel
            do {
                channel = try await ServerBootstrap(group: group)
                    .serverChannelOption(.backlog, value: 256)
                    .childChannelOption(.allowRemoteHalfClosure, value: true)
                    .childChannelInitializer { child in
                        connections.add(child)
                        return child.eventLoop.makeCompletedFuture {
                            // The standard HTTP/1.1 server pipeline, built by hand so a
                            // hijacking response (attach) can remove exactly these handlers.
                            let connection = HTTPConnectionHandler(
                                router: router, emitter: emitter, maximumBodyBytes: maximumBodyBytes
                            )
                            let handlers: [any RemovableChannelHandler & ChannelHandler] = [
                                HTTPResponseEncoder(),
                                ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes)),
                                HTTPServerPipelineHandler(),
                                HTTPServerProtocolErrorHandler(),
                                connection,
                            ]
                            for handler in handlers { try child.pipeline.syncOperations.addHandler(handler) }
                            connection.handlerSet = HTTPHandlerSet(handlers.reversed())
                        }
                    }
                    .bind(unixDomainSocketPath: path).get()
            } catch {
                throw APIServerError.cannotListen(path: path, reason: "\(error)")
            }
            do {
                try FileManager.default.setAttributes(
                    [.posixPermissions: configuration.socketMode], ofItemAtPath: path
                )
            } catch {
                try? await channel.close()
                try? FileManager.default.removeItem(atPath: path)
                throw APIServerError.cannotListen(path: path, reason: "chmod: \(error.localizedDescription)")
            }
            logger.info("API listening", metadata: ["socket": "\(path)"])
            return APIServer(
                configuration: configuration, group: group, serverChannel: channel, connections: connections,
                logger: logger
            )
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops accepting, lets in-flight requests finish (up to the grace period), closes the
    /// rest, removes the socket file and releases the threads. Later calls do nothing.
    public func shutdown() async {
        let alreadyStopping = stopping.withLockedValue { stopping in
            defer { stopping = true }
            return stopping
        }
        if alreadyStopping { return }
        try? await serverChannel.close()
        let drained = connections.quiesceAll(on: group.next())
        let grace = configuration.shutdownGrace
        let connections = self.connections
        let finishedInTime = await withTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try? await drained.get()
                return true
            }
            tasks.addTask {
                try? await Task.sleep(for: grace)
                if Task.isCancelled { return true }
                // Closing every connection also completes `drained`, so the group can end.
                connections.closeAll()
                return false
            }
            let first = await tasks.next() ?? false
            tasks.cancelAll()
            return first
        }
        if !finishedInTime {
            logger.warning("closed connections still busy after the grace period")
        }
        try? FileManager.default.removeItem(atPath: socketPath)
        try? await group.shutdownGracefully()
        logger.info("API stopped", metadata: ["socket": "\(socketPath)"])
    }
}
