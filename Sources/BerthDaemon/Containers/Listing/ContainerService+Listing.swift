import BerthAPI
import BerthImage
import BerthStore
import Foundation

extension ContainerService {
    /// `docker ps`: every container's row brought up to date, selected by
    /// `ContainerListFilter`, with dockerd's Status text and quoted Command;
    /// `size` adds the writable layer's size (SizeRw) and the whole (SizeRootFs).
    public func list(_ options: ContainerListOptions) throws -> [ContainerSummary] {
        let filter = try ContainerListFilter(options) { [images] reference in
            (try? images.resolve(reference))?.description
        }
        var documents: [String: (row: ContainerRowSnapshot, entry: ContainerListEntry)] = [:]
        var entries: [ContainerListEntry] = []
        for stored in try store.containers() {
            let row = try refreshed(stored)
            let snapshot = try ContainerRowSnapshot(row, volumesRoot: specHost.volumesRoot)
            documents[row.id] = (snapshot, snapshot.entry)
            entries.append(snapshot.entry)
        }
        let now = Date()
        return try filter.select(entries).compactMap { entry -> ContainerSummary? in
            guard let snapshot = documents[entry.id]?.row else { return nil }
            var summary = ContainerSummary(
                id: entry.id, name: entry.name, image: snapshot.imageName, imageID: entry.imageID,
                command: ContainerStatusText.command(snapshot.config.args), created: Int64(entry.created),
                state: entry.status, status: snapshot.statusText(now: now), labels: entry.labels)
            summary.Mounts = entry.mounts
            summary.HostConfig = ContainerSummary.SummaryHostConfig(NetworkMode: entry.networkMode)
            if options.size {
                let sizeRw = DirectorySize.bytes(directory(entry.id) + "/upper")
                summary.SizeRw = sizeRw
                summary.SizeRootFs = sizeRw + snapshot.imageSize(images)
            }
            return summary
        }
    }
}

/// One container's stored documents, decoded once for listing and inspect.
struct ContainerRowSnapshot {
    var id: String
    var name: String
    var imageName: String
    var created: String
    var config: ContainerConfigDocument
    var state: ContainerStateDocument
    var mounts: [PlannedMount]

    /// Decodes `row`'s documents and plans its mounts (as the spec does).
    init(_ row: ContainerRow, volumesRoot: String) throws {
        id = row.id
        name = row.name
        imageName = row.image
        created = row.created
        config = try ContainerService.decode(ContainerConfigDocument.self, row.config)
        state = try ContainerService.decode(ContainerStateDocument.self, row.state)
        mounts = (try? MountPlanner.plan(config.hostConfig, declaredVolumes: Array((config.volumes ?? [:]).keys),
                                        containerID: row.id, volumesRoot: volumesRoot)) ?? []
    }

    /// The filterable view.
    var entry: ContainerListEntry {
        ContainerListEntry(
            id: id, name: name, created: ContainerService.date(created)?.timeIntervalSince1970 ?? 0, status: state.status,
            exitCode: state.exitCode ?? 0, hasStarted: state.startedAt != nil, labels: config.labels, imageID: config.imageID,
            mounts: mounts.filter(\.listed).map(\.mountPoint),
            networkMode: config.hostConfig?.NetworkMode.flatMap { $0.isEmpty ? nil : $0 } ?? "default")
    }

    /// ps's Status column.
    func statusText(now: Date) -> String {
        let sinceStart = state.startedAt.flatMap(ContainerService.date).map { now.timeIntervalSince($0) }
        let sinceFinish = state.finishedAt.flatMap(ContainerService.date).map { now.timeIntervalSince($0) }
        return ContainerStatusText.describe(status: state.status, exitCode: state.exitCode ?? 0,
                                            sinceStart: sinceStart, sinceFinish: sinceFinish)
    }

    /// The image's size, 0 when it is gone.
    func imageSize(_ images: ImageStore) -> Int64 {
        guard let digest = Digest(config.imageID), let image = try? images.image(digest) else { return 0 }
        return image.metadata.size
    }
}

extension PlannedMount {
    /// How inspect and ps show this mount.
    var mountPoint: MountPoint {
        switch kind {
        case .bind:
            return MountPoint(type: "bind", source: source, destination: destination, mode: mode, rw: readWrite, propagation: propagation)
        case .volume:
            return MountPoint(type: "volume", name: volumeName, source: source, destination: destination, driver: "local",
                              mode: mode, rw: readWrite, propagation: propagation)
        case .tmpfs:
            return MountPoint(type: "tmpfs", source: "", destination: destination, mode: "", rw: readWrite, propagation: "")
        }
    }
}
