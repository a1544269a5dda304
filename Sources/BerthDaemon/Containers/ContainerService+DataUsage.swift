import BerthAPI
import BerthImage
import Foundation

/// `docker system df`: layer bytes, each image with the containers using it
/// and the bytes it shares with other images, each container with the bytes
/// of its writable layer.
extension ContainerService {
    public func dataUsage() async throws -> SystemDataUsage {
        let usage = try imageUsage()
        let rows = try store.containers().compactMap { try? find($0.id) }
        let images = self.images
        let upper = rows.map { ($0, upperPath($0.id)) }
        return try await Blocking.run {
            let records = images.layers.allRecords()
            let layerSizes = Dictionary(records.map { ($0.chainID, $0.size) }, uniquingKeysWith: { first, _ in first })
            let list = images.list()
            let stacks = Dictionary(list.map { image in
                (image.id, ((try? image.metadata.topLayer.map { try images.layers.stack($0) }) ?? nil)?.map(\.chainID) ?? [])
            }, uniquingKeysWith: { first, _ in first })
            var users: [Digest: Int] = [:]
            for chains in stacks.values { for chain in Set(chains) { users[chain, default: 0] += 1 } }
            let imageRows = list.map { image in
                let shared = (stacks[image.id] ?? []).filter { (users[$0] ?? 0) > 1 }.reduce(Int64(0)) { $0 + (layerSizes[$1] ?? 0) }
                return SystemDataUsage.Image(
                    id: image.id.description, repoTags: image.references.filter { $0.tag != nil }.map(\.familiarString),
                    created: Int64(image.config.created.flatMap(Self.date)?.timeIntervalSince1970 ?? 0),
                    size: image.metadata.size, sharedSize: shared, containers: Int64(usage.containers[image.id]?.count ?? 0),
                    labels: image.config.config?.labels ?? [:])
            }
            let imageSizes = Dictionary(list.map { ($0.id.description, $0.metadata.size) }, uniquingKeysWith: { first, _ in first })
            let containerRows = upper.reversed().map { found, upperDirectory in
                let sizeRw = DiskUsage.size(of: upperDirectory)
                let summary = Self.statusText(found)
                return SystemDataUsage.Container(
                    id: found.id, name: found.row.name, image: found.row.image, imageID: found.config.imageID,
                    command: found.config.args.joined(separator: " "), created: Self.unixTime(found.row.created),
                    state: summary.state, status: summary.status, sizeRw: sizeRw,
                    sizeRootFs: sizeRw + (imageSizes[found.config.imageID] ?? 0), labels: found.config.labels)
            }
            return SystemDataUsage(layersSize: records.reduce(Int64(0)) { $0 + $1.size }, images: imageRows, containers: containerRows)
        }
    }

    /// `State` and `Status` as `docker ps` shows them.
    static func statusText(_ found: Found) -> (state: String, status: String) {
        if found.isPaused { return ("paused", "Up (Paused)") }
        switch found.state.status {
        case "running": return ("running", "Up")
        case "exited": return ("exited", "Exited (\(found.state.exitCode ?? 0))")
        default: return (found.state.status, found.state.status == "created" ? "Created" : found.state.status)
        }
    }
}
