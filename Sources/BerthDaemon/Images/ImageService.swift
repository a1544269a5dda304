import LinuxSys
import BerthAPI
import BerthArchive
import BerthImage
import BerthStore
import Foundation

/// berthd's image service: the `ImageBackend` the image routes call, over
/// one `ImageStore`. An actor, so store operations (and its garbage
/// collection) never interleave.
public actor ImageService: ImageBackend {
    let store: ImageStore

    /// The image store under `<data-root>/image`, its names in `metadata`'s database.
    public init(dataRoot: String, metadata: MetadataStore) throws {
        let references = try SQLiteReferenceTable(store: metadata, legacyFile: dataRoot + "/image/repositories.json")
        store = try ImageStore(root: dataRoot + "/image", references: references)
    }

    public func listImages(all: Bool, reference: String?) throws -> [ImageSummary] {
        let filter = try reference.map { try ImageReference.parse($0, defaultingTag: false) }
        return store.list().compactMap { image -> ImageSummary? in
            let tags = image.references.filter { $0.tag != nil }.map(\.familiarString)
            if let filter {
                let matches = image.references.contains { $0.repository == filter.repository && (filter.tag == nil || $0.tag == filter.tag) }
                if !matches { return nil }
            }
            return ImageSummary(id: image.id.description, repoTags: tags.isEmpty ? nil : tags,
                                created: Self.unixTime(image.config.created), size: image.metadata.size,
                                labels: image.config.config?.labels)
        }.sorted { $0.Created > $1.Created }
    }

    public func inspectImage(_ name: String) throws -> [UInt8] {
        let image = try store.image(try store.resolve(name))
        let config = image.config
        var document: [String: Any] = [
            "Id": image.id.description,
            "RepoTags": image.references.filter { $0.tag != nil }.map(\.familiarString),
            "RepoDigests": [String](),
            "Parent": "",
            "Comment": config.comment ?? "",
            "Created": config.created ?? "",
            "Container": config.container ?? "",
            "DockerVersion": config.dockerVersion ?? "",
            "Author": config.author ?? "",
            "Architecture": config.architecture,
            "Os": config.os,
            "Size": image.metadata.size,
            "VirtualSize": image.metadata.size,
            "RootFS": ["Type": config.rootfs.type, "Layers": config.rootfs.diffIDs.map(\.description)],
            "GraphDriver": ["Name": "overlay2", "Data": [String: String]()],
            "Metadata": ["LastTagTime": image.metadata.lastTagTime ?? "0001-01-01T00:00:00Z"],
        ]
        // Config exactly as stored (field names are Docker's).
        if let raw = try? JSONSerialization.jsonObject(with: Data(image.configBytes)) as? [String: Any] {
            document["Config"] = raw["config"] ?? [String: Any]()
            document["ContainerConfig"] = raw["container_config"] ?? [String: Any]()
        }
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    public func history(_ name: String) throws -> [ImageHistoryItem] {
        let id = try store.resolve(name)
        let image = try store.image(id)
        let tags = image.references.filter { $0.tag != nil }.map(\.familiarString)
        var layerSizes = ((try? image.metadata.topLayer.map { try store.layers.stack($0) }) ?? []).map(\.size)
        var items: [ImageHistoryItem] = []
        for (index, entry) in (image.config.history ?? []).enumerated().reversed() {
            let size = entry.emptyLayer == true ? 0 : (layerSizes.isEmpty ? 0 : layerSizes.removeFirst())
            items.append(ImageHistoryItem(
                id: index == (image.config.history?.count ?? 0) - 1 ? id.description : "<missing>",
                created: Self.unixTime(entry.created), createdBy: entry.createdBy ?? "",
                tags: index == (image.config.history?.count ?? 0) - 1 && !tags.isEmpty ? tags : nil,
                size: size, comment: entry.comment ?? ""))
        }
        return items
    }

    public func tag(_ name: String, repository: String, tag: String?) throws {
        let id = try store.resolve(name)
        let text = tag.map { repository + ":" + $0 } ?? repository
        try store.tag(id, as: try ImageReference.parse(text))
    }

    public func deleteImage(_ name: String, force: Bool) throws -> [ImageDeleteItem] {
        try store.delete(name, force: force).map { result in
            switch result {
            case .untagged(let name): return ImageDeleteItem(untagged: name)
            case .deleted(let id): return ImageDeleteItem(deleted: id.description)
            }
        }
    }

    public func importImage(_ tar: [UInt8], repository: String?, tag: String?, message: String?, changes: [String]) throws -> String {
        let reference = try repository.map { try ImageReference.parse(tag.map { tag in repository.map { $0 + ":" + tag } ?? "" } ?? $0) }
        let id = try store.importRootfs(from: MemoryByteSource(tar), changes: changes, reference: reference, message: message)
        return id.description
    }

    public func loadImages(_ tar: [UInt8]) throws -> [String] {
        try store.load(from: MemoryByteSource(tar)).flatMap { loaded in
            loaded.references.isEmpty ? [loaded.id.description] : loaded.references.map(\.familiarString)
        }
    }

    public func saveImages(_ names: [String]) throws -> [UInt8] {
        for name in names { _ = try store.resolve(name) }
        return try store.save(names, to: MemoryByteSink()).bytes
    }

    /// RFC 3339 → unix seconds (0 when absent or unreadable).
    static func unixTime(_ text: String?) -> Int64 {
        guard let text else { return 0 }
        return RFC3339.parse(text)?.seconds ?? 0
    }
}
