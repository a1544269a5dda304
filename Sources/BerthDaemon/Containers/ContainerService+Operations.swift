import BerthAPI
import BerthImage
import BerthStore
import LinuxSys

extension ContainerService: ContainerOperationsBackend {}

/// Shared by the container operations (top, stats, archive, commit, …): finding
/// a container with its documents, the running/paused checks with dockerd's
/// words, and borrowing its merged rootfs.
extension ContainerService {
    /// One container as the operations need it: row, configuration and up-to-date state.
    struct Found: Sendable {
        var row: ContainerRow
        var config: ContainerConfigDocument
        var state: ContainerStateDocument
        var id: String { row.id }
        /// Running or paused: it has processes.
        var isRunning: Bool { state.status == "running" || state.status == "paused" }
        var isPaused: Bool { state.status == "paused" }
    }

    /// Users of stopped containers' rootfs mounts (one registry per process).
    static let rootfsLeases = RootfsLeases()

    /// Looks a container up by ID, name or ID prefix, its state refreshed from the shim.
    func find(_ idOrName: String) throws -> Found {
        let row = try refreshed(try store.container(idOrName))
        return Found(row: row, config: try Self.decode(ContainerConfigDocument.self, row.config),
                     state: try Self.decode(ContainerStateDocument.self, row.state))
    }

    /// Like `find`, but a container that is not running is a 409, as dockerd says it.
    func findRunning(_ idOrName: String) throws -> Found {
        let found = try find(idOrName)
        guard found.isRunning else { throw APIError.conflict("Container \(found.id) is not running") }
        return found
    }

    /// `<data-root>/containers/<id>/rootfs`, usable off the actor.
    nonisolated func rootfsPath(_ id: String) -> String { dataRoot + "/containers/" + id + "/rootfs" }

    /// `<data-root>/containers/<id>/upper`, usable off the actor.
    nonisolated func upperPath(_ id: String) -> String { dataRoot + "/containers/" + id + "/upper" }

    /// Makes sure the container's merged rootfs is mounted for an operation and
    /// counts the operation as a user; pair with `releaseRootfs`.
    func acquireRootfs(_ idOrName: String) throws -> Found {
        let found = try find(idOrName)
        let base = directory(found.id)
        let rootfs = base + "/rootfs"
        let mounted = mountPoints().contains(rootfs)
        Self.rootfsLeases.retain(found.id, mounting: !mounted)
        if !mounted {
            do {
                for part in ["upper", "work", "rootfs"] { try FileSystem.makeDirectories(base + "/" + part, mode: 0o700) }
                guard let imageID = Digest(found.config.imageID), let top = try images.image(imageID).metadata.topLayer else {
                    throw APIError.internalError("image \(found.config.imageID) of the container is gone")
                }
                try OverlayMount.mount(store: images.layers, top: top, upper: base + "/upper", work: base + "/work", target: rootfs)
            } catch {
                _ = Self.rootfsLeases.release(found.id)
                throw error
            }
        }
        return found
    }

    /// An operation is done with the rootfs; the last one unmounts what the
    /// operations mounted, unless the container runs now.
    func releaseRootfs(_ id: String) {
        guard Self.rootfsLeases.release(id) else { return }
        if let found = try? find(id), found.isRunning { return }
        try? OverlayMount.unmount(directory(id) + "/rootfs")
    }

    /// Runs blocking `work` on the mounted rootfs of a container off the actor,
    /// releasing the mount afterwards whatever happens.
    nonisolated func withRootfs<T: Sendable>(
        _ idOrName: String, _ work: @escaping @Sendable (Found) throws -> T
    ) async throws -> T {
        let found = try await acquireRootfs(idOrName)
        do {
            let result = try await Blocking.run { try work(found) }
            await releaseRootfs(found.id)
            return result
        } catch {
            await releaseRootfs(found.id)
            throw error
        }
    }
}
