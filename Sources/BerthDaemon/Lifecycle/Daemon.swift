import BerthAPI
import BerthStore
import LinuxSys
import Logging

/// berthd's life: lock the data root, serve the Engine API, and on SIGTERM/SIGINT stop
/// accepting, let in-flight requests finish, remove the socket and release the lock.
public enum Daemon {
    /// Starts berthd with `configuration` and returns after a clean shutdown.
    /// `ready` is called once the socket accepts connections.
    public static func run(
        _ configuration: DaemonConfiguration, logger: Logger, ready: @Sendable () -> Void = {},
        whenIdle: @escaping @Sendable () -> Void = {}
    ) async throws {
        let shutdownSignal = ShutdownSignal()
        let lock = try DataRootLock.acquire(dataRoot: configuration.dataRoot)
        defer { lock.release() }
        let engineID: String
        do {
            engineID = try EngineIdentity.loadOrCreate(dataRoot: configuration.dataRoot)
        } catch {
            throw DaemonStartError.dataRoot(path: configuration.dataRoot, error: error)
        }
        // One SQLite database for all metadata: containers, execs, image names.
        let metadata: MetadataStore
        do { metadata = try MetadataStore(path: configuration.dataRoot + "/berth.db") } catch {
            throw DaemonStartError.imageStore(path: configuration.dataRoot, reason: "\(error)")
        }
        let images: ImageService
        do { images = try ImageService(dataRoot: configuration.dataRoot, metadata: metadata) } catch {
            throw DaemonStartError.imageStore(path: configuration.dataRoot, reason: "\(error)")
        }
        let events = EventLog()
        let containers: ContainerService
        do {
            containers = try ContainerService(
                images: images.store, store: metadata, dataRoot: configuration.dataRoot, runtimePath: configuration.runtimePath,
                shimPath: Path.join(Path.parent(of: configuration.runtimePath), "berth-shim"), events: events)
        } catch {
            throw DaemonStartError.imageStore(path: configuration.dataRoot, reason: "\(error)")
        }
        await containers.recover()
        let backend = HostSystemBackend(configuration: configuration, engineID: engineID) {
            var counts = await containers.inventory()
            counts.images = images.store.list().count
            return counts
        }
        let router = Router([
            SystemRouter(backend: backend), ImagesRouter(backend: images), ContainersRouter(backend: containers),
            EventsRouter(backend: events), ExecRouter(backend: containers), ContainerOperationsRouter(backend: containers),
        ])
        let serverConfiguration = APIServerConfiguration(
            socketPath: configuration.host.socketPath, serverVersion: BerthVersion.version
        )
        logger.info(
            "starting berthd",
            metadata: [
                "version": "\(BerthVersion.version)", "data-root": "\(configuration.dataRoot)",
                "host": "\(configuration.host)", "runtime": "\(configuration.runtimePath)",
            ]
        )
        let server = try await APIServer.start(serverConfiguration, router: router, logger: logger)
        ready()
        // Housekeeping once the API has been quiet for a few seconds (once per quiet spell).
        let activity = router.activity
        let housekeeping = Task.detached {
            var handled = -1
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let generation = activity.currentGeneration
                if generation != handled && activity.idleFor > .seconds(3) {
                    handled = generation
                    whenIdle()
                }
            }
        }
        defer { housekeeping.cancel() }
        let signal = await shutdownSignal.wait()
        logger.info("shutting down", metadata: ["signal": "\(signal)"])
        await server.shutdown()
        logger.info("berthd stopped")
    }

    /// berth-runtime beside the running berthd binary.
    public static func defaultRuntimePath() -> String {
        let executable = (try? FileSystem.readLink("/proc/self/exe")) ?? "/usr/local/bin/berthd"
        return Path.join(Path.parent(of: executable), "berth-runtime")
    }
}
