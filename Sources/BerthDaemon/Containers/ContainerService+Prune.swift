import BerthAPI
import BerthImage
import Foundation

/// `docker container prune` and `docker image prune`: stopped containers and
/// unused images go, within the label and until filters; images a container
/// still uses (running or not) are never pruned.
extension ContainerService {
    public func pruneContainers(filters: FilterArguments) async throws -> ContainerPruneResponse {
        try filters.validate(allowed: ["label", "label!", "until"])
        let prune = try PruneFilters(filters)
        var deleted: [String] = []
        var reclaimed: Int64 = 0
        for stored in try store.containers() {
            guard let found = try? find(stored.id), ["created", "exited", "dead"].contains(found.state.status) else { continue }
            guard prune.matches(labels: found.config.labels, created: Self.date(found.row.created)) else { continue }
            let size = DiskUsage.size(of: upperPath(found.id))
            do {
                try await remove(found.id, force: false, volumes: false)
                deleted.append(found.id)
                reclaimed += size
            } catch {
                continue  // started or removed meanwhile
            }
        }
        return ContainerPruneResponse(containersDeleted: deleted, spaceReclaimed: reclaimed)
    }

    public func pruneImages(filters: FilterArguments) async throws -> ImagePruneResponse {
        try filters.validate(allowed: ["dangling", "label", "label!", "until"])
        let danglingOnly = filters["dangling"].first.map { !["false", "0"].contains($0.lowercased()) } ?? true
        let prune = try PruneFilters(filters)
        // Images containers use, plus those the filters keep, count as in use.
        var usage = try imageUsage()
        for image in images.list() where usage.containers[image.id] == nil {
            let created = image.config.created.flatMap(Self.date)
            if !prune.matches(labels: image.config.config?.labels ?? [:], created: created) {
                usage.containers[image.id] = [(id: "", running: false)]
            }
        }
        let layersBefore = images.layers.allRecords().reduce(Int64(0)) { $0 + $1.size }
        let images = self.images
        let inUse = usage
        let results = try await Blocking.run { images.prune(all: !danglingOnly, usage: inUse) }
        let layersAfter = images.layers.allRecords().reduce(Int64(0)) { $0 + $1.size }
        let items = results.map { result -> ImageDeleteItem in
            switch result {
            case .untagged(let name): return ImageDeleteItem(untagged: name)
            case .deleted(let id): return ImageDeleteItem(deleted: id.description)
            }
        }
        return ImagePruneResponse(imagesDeleted: items, spaceReclaimed: max(0, layersBefore - layersAfter))
    }

    /// Which containers use which image, and whether they run.
    func imageUsage() throws -> ImageUsage {
        var usage = ImageUsage()
        for stored in try store.containers() {
            guard let found = try? find(stored.id), let id = Digest(found.config.imageID) else { continue }
            usage.containers[id, default: []].append((id: found.id, running: found.isRunning))
        }
        return usage
    }
}
