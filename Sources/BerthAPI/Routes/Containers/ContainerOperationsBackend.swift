/// A response body the engine produces over time (a tar being written, a feed
/// of stats samples): the route hands it a writer and it writes until done.
/// The producer does its I/O outside any actor.
public typealias BodyProducer = @Sendable (ResponseBodyWriter) async throws -> Void

/// What the container operation routes need from the engine, beyond the
/// lifecycle in `ContainerBackend`: inspection of a live container (top,
/// stats, changes), its files (export, archive), turning it into an image
/// (commit), its settings (rename, update, pause), and cleanup (prune, df).
public protocol ContainerOperationsBackend: Sendable {
    /// `docker top`: `ps` (with `psArguments`, default `-ef`) for the container's processes.
    func top(_ idOrName: String, psArguments: String?) async throws -> ContainerTopResponse
    /// `docker stats`: one sample (after a second, to fill `precpu_stats`, unless
    /// `oneShot`), or with `stream` one per second until the container stops.
    func stats(_ idOrName: String, stream: Bool, oneShot: Bool) async throws -> BodyProducer
    /// `docker diff`: what the container changed against its image.
    func changes(_ idOrName: String) async throws -> [ContainerChangeItem]
    /// `docker export`: the container's whole filesystem as a tar.
    func export(_ idOrName: String) async throws -> BodyProducer
    /// `HEAD …/archive`: stat of `path` inside the container.
    func statPath(_ idOrName: String, path: String) async throws -> ContainerPathStat
    /// `GET …/archive`: stat of `path` and a tar of it (named by its base name).
    func archive(_ idOrName: String, path: String) async throws -> (stat: ContainerPathStat, body: BodyProducer)
    /// `PUT …/archive`: extracts a tar (maybe compressed) into the directory `path`.
    func extractArchive(
        _ idOrName: String, path: String, archive: [UInt8], noOverwriteDirNonDir: Bool, copyUIDGID: Bool
    ) async throws
    /// `docker commit`: returns the new image's ID.
    func commit(_ request: CommitRequest) async throws -> String
    /// `docker rename`.
    func rename(_ idOrName: String, to name: String) async throws
    /// `docker update`: stores the new limits and applies them to a running container.
    func update(_ idOrName: String, _ request: ContainerUpdateRequest) async throws -> [String]?
    /// `docker pause`.
    func pause(_ idOrName: String) async throws
    /// `docker unpause`.
    func unpause(_ idOrName: String) async throws
    /// `docker container prune`: removes stopped containers matching `filters` (label, until).
    func pruneContainers(filters: FilterArguments) async throws -> ContainerPruneResponse
    /// `docker image prune`: removes unused images matching `filters` (dangling, label, until).
    func pruneImages(filters: FilterArguments) async throws -> ImagePruneResponse
    /// `docker system df`.
    func dataUsage() async throws -> SystemDataUsage
}
