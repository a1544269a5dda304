import Foundation

/// What one `docker rmi` did, in the order dockerd reports it.
public enum ImageDeleteResult: Sendable, Equatable {
    case untagged(String)
    case deleted(Digest)
}

/// Who uses an image, so deletion can be refused the way dockerd refuses it.
public struct ImageUsage: Sendable {
    /// Container IDs using each image, and whether each is running.
    public var containers: [Digest: [(id: String, running: Bool)]]
    public init(containers: [Digest: [(id: String, running: Bool)]] = [:]) { self.containers = containers }
}

extension ImageStore {
    /// `docker rmi`: by name, removes that name and, if it was the last, the
    /// image; by ID, removes the image and all its names. Refused, with
    /// dockerd's words, while containers use it (running: always; stopped:
    /// unless forced) or when an ID has several names (unless forced).
    public func delete(_ text: String, force: Bool, usage: ImageUsage = ImageUsage()) throws -> [ImageDeleteResult] {
        let id = try resolve(text)
        let names = references(to: id)
        let byName = (try? ImageReference.parse(text)).map { reference in names.contains(reference) } ?? false
        var results: [ImageDeleteResult] = []
        if byName, names.count > 1, let reference = try? ImageReference.parse(text) {
            try untag(reference)
            return [.untagged(reference.familiarString)]
        }
        let users = usage.containers[id] ?? []
        if let running = users.first(where: { $0.running }) {
            throw ImageStoreError.conflict("conflict: unable to delete \(id.shortID) (cannot be forced) - image is being used by running container \(running.id.prefix(12))")
        }
        if let stopped = users.first, !force {
            throw ImageStoreError.conflict("conflict: unable to delete \(id.shortID) (must be forced) - image is being used by stopped container \(stopped.id.prefix(12))")
        }
        if !byName && names.count > 1 && !force {
            throw ImageStoreError.conflict("conflict: unable to delete \(id.shortID) (must be forced) - image is referenced in multiple repositories")
        }
        for name in names {
            try untag(name)
            results.append(.untagged(name.familiarString))
        }
        if !users.isEmpty { return results }  // forced with stopped users: names go, the image stays
        try removeImage(id)
        results.append(.deleted(id))
        return results
    }

    /// Drops the image record and its config, then every layer no image needs.
    func removeImage(_ id: Digest) throws {
        lock.withLock { _ in _ = unlink(root + "/images/" + id.hex + ".json") }
        try? blobs.delete(id)
        collectGarbage()
    }

    /// Removes layers (and their kept tars) that no image uses.
    @discardableResult
    public func collectGarbage(alsoKeeping tops: [Digest] = []) -> [Digest] {
        let images = allIDs().compactMap { try? metadata($0) }
        let removed = layers.garbageCollect(inUse: images.compactMap(\.topLayer) + tops)
        let neededDiffs = Set(images.flatMap { (try? image($0.id).config.rootfs.diffIDs) ?? [] })
        // Kept layer tars and configs of images that are gone.
        for digest in blobs.list() where !neededDiffs.contains(digest) && !contains(digest) {
            try? blobs.delete(digest)
        }
        return removed
    }

    /// `docker image prune`: removes untagged images (all unused ones with
    /// `all`) that no container uses; returns what went.
    public func prune(all: Bool, usage: ImageUsage = ImageUsage()) -> [ImageDeleteResult] {
        var results: [ImageDeleteResult] = []
        for id in allIDs() where usage.containers[id] == nil {
            let names = references(to: id)
            guard names.isEmpty || all else { continue }
            for name in names where (try? untag(name)) != nil { results.append(.untagged(name.familiarString)) }
            if (try? removeImage(id)) != nil { results.append(.deleted(id)) }
        }
        return results
    }
}
