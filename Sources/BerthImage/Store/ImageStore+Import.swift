import BerthArchive
import Foundation

extension ImageStore {
    /// Unpacks one layer tar on top of `parent` while keeping the tar itself
    /// (under its diff ID) for `save`. Returns the layer and its diff ID.
    public func unpackLayer(from source: some ByteSource, parent: Digest?) throws -> (LayerRecord, Digest) {
        let staging = try layers.stage()
        let tee = TeeSource(base: source, writer: try blobs.writer())
        do {
            var reader = TarReader(tee)
            _ = try SafeExtractor(rootPath: staging + "/diff", options: .layer()).extract(&reader)
            try tee.drain()
        } catch {
            tee.abort()
            layers.discardStaged(staging)
            throw ImageStoreError.invalid("unpack layer: \(error)")
        }
        let (diffID, size) = try tee.commit()
        let record = try layers.commitStaged(staging, diffID: diffID, parent: parent, size: size)
        return (record, diffID)
    }

    /// `docker import`: a root filesystem tar becomes a one-layer image with
    /// the given changes; the name, if any, is tagged.
    public func importRootfs<Source: ByteSource>(
        from source: Source, changes: [String] = [], reference: ImageReference? = nil, message: String? = nil
    ) throws -> Digest {
        let config = try ConfigChanges.apply(changes, to: ContainerConfig())
        // `docker import` takes plain, gzip or zstd tars.
        let plain: DecompressingSource<Source>
        do { plain = try DecompressingSource(source) } catch { throw ImageStoreError.invalid("import: \(error)") }
        let (_, diffID) = try unpackLayer(from: plain, parent: nil)
        let created = Self.now()
        var image = ImageConfig(created: created, config: config, rootfs: RootFS(diffIDs: [diffID]),
                                history: [HistoryEntry(created: created, createdBy: "", comment: message ?? "Imported from -")])
        image.comment = message ?? "Imported from -"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let id = try register(configBytes: Array(try encoder.encode(image)))
        if let reference { try tag(id, as: reference) }
        return id
    }
}
