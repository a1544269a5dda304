import Foundation
import LinuxSys
import Synchronization

/// The local image store: configs in the blob store, layers in the layer
/// store, and the names that point at images. References and metadata are
/// small JSON files replaced atomically; one lock orders every change.
public final class ImageStore: Sendable {
    public let root: String
    public let blobs: BlobStore
    public let layers: LayerStore
    let lock = Mutex<Void>(())
    /// The names (a JSON file by default; berthd's SQLite database).
    let referenceTable: any ReferenceTable

    /// A store under `root`, its names in `references` (default: `root/repositories.json`).
    public init(root: String, references: (any ReferenceTable)? = nil) throws {
        self.root = root
        referenceTable = references ?? JSONReferenceTable(path: root + "/repositories.json")
        blobs = try BlobStore(root: root + "/content")
        layers = try LayerStore(root: root + "/overlay")
        try FileSystem.makeDirectories(root + "/images", mode: 0o700)
    }

    // MARK: - References


    /// Every name → image ID, by canonical reference string.
    func loadReferences() -> [String: Digest] { referenceTable.load() }

    func saveReferences(_ references: [String: Digest]) throws { try referenceTable.save(references) }

    /// Points `reference` at `id` (replacing what it pointed at).
    public func tag(_ id: Digest, as reference: ImageReference) throws {
        guard contains(id) else { throw ImageStoreError.noSuchImage(id.description) }
        try lock.withLock { _ in
            var references = loadReferences()
            references[reference.description] = id
            try saveReferences(references)
            if var metadata = try? metadata(id) {
                metadata.lastTagTime = Self.now()
                try saveMetadata(metadata)
            }
        }
    }

    /// Removes one name; returns the image it pointed at.
    @discardableResult
    public func untag(_ reference: ImageReference) throws -> Digest {
        try lock.withLock { _ in
            var references = loadReferences()
            guard let id = references.removeValue(forKey: reference.description) else {
                throw ImageStoreError.noSuchImage(reference.familiarString)
            }
            try saveReferences(references)
            return id
        }
    }

    /// The names pointing at `id`, sorted.
    public func references(to id: Digest) -> [ImageReference] {
        loadReferences().filter { $0.value == id }.keys.sorted().compactMap { try? ImageReference.parse($0, defaultingTag: false) }
    }

    // MARK: - Lookup

    /// Resolves what a user typed — a name, a full or short ID — to an image ID,
    /// as dockerd does (a name wins over an ID prefix).
    public func resolve(_ text: String) throws(ImageStoreError) -> Digest {
        if let reference = try? ImageReference.parse(text), let id = loadReferences()[reference.description] {
            return id
        }
        let hex = text.hasPrefix("sha256:") ? String(text.dropFirst(7)) : text
        if let full = Digest("sha256:" + hex), contains(full) { return full }
        if hex.count >= 1, hex.count < 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            let matches = allIDs().filter { $0.hex.hasPrefix(hex) }
            if matches.count == 1, let match = matches.first { return match }
            if matches.count > 1 { throw .invalid("\(text) is ambiguous: it matches \(matches.count) images") }
        }
        // dockerd names the normalised reference: "No such image: busybox:latest".
        if let reference = try? ImageReference.parse(text) { throw .noSuchImage(reference.familiarString) }
        throw .noSuchImage(text)
    }

    /// Whether an image with this ID is registered.
    public func contains(_ id: Digest) -> Bool { FileSystem.exists(root + "/images/" + id.hex + ".json") }

    func metadata(_ id: Digest) throws -> ImageMetadata {
        guard let data = FileManager.default.contents(atPath: root + "/images/" + id.hex + ".json") else {
            throw ImageStoreError.noSuchImage(id.description)
        }
        return try JSONDecoder().decode(ImageMetadata.self, from: data)
    }

    func saveMetadata(_ metadata: ImageMetadata) throws {
        try FileSystem.writeAtomically(root + "/images/" + metadata.id.hex + ".json", Array(try JSONEncoder().encode(metadata)), mode: 0o600)
    }

    /// Every registered image ID.
    public func allIDs() -> [Digest] {
        ((try? FileSystem.listDirectory(root + "/images")) ?? []).compactMap { name in
            name.hasSuffix(".json") ? Digest("sha256:" + name.dropLast(5)) : nil
        }.sorted()
    }

    /// An image with its config and names.
    public func image(_ id: Digest) throws -> ImageInfo {
        let metadata = try metadata(id)
        let bytes = try blobs.read(id)
        let config = try JSONDecoder().decode(ImageConfig.self, from: Data(bytes))
        return ImageInfo(metadata: metadata, config: config, configBytes: bytes, references: references(to: id))
    }

    /// Every image.
    public func list() -> [ImageInfo] { allIDs().compactMap { try? image($0) } }

    /// `docker history`: the config's history, newest first.
    public func history(_ id: Digest) throws -> [HistoryEntry] {
        Array((try image(id).config.history ?? []).reversed())
    }

    // MARK: - Registration

    /// Stores a config and records the image; its layers must already be in the layer store.
    public func register(configBytes: [UInt8]) throws -> Digest {
        let config = try JSONDecoder().decode(ImageConfig.self, from: Data(configBytes))
        let chains = config.rootfs.chainIDs
        var size: Int64 = 0
        for chain in chains {
            guard layers.contains(chain) else { throw ImageStoreError.invalid("layer \(chain) of the image is missing") }
            size += (try? layers.record(chain).size) ?? 0
        }
        let id = try blobs.write(configBytes)
        try lock.withLock { _ in
            if !contains(id) {
                try saveMetadata(ImageMetadata(id: id, topLayer: chains.last, size: size, lastTagTime: nil))
            }
        }
        return id
    }

    static func now() -> String { RFC3339.now() }
}
