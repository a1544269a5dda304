import BerthArchive
import Foundation
import Glibc

/// Who and why, for `docker commit`.
public struct CommitOptions: Sendable {
    public var author: String?
    public var comment: String?
    public var changes: [String]
    /// The container's ID, recorded in the config as dockerd does.
    public var containerID: String?
    /// What made the layer, for `docker history` ("/bin/sh -c …").
    public var createdBy: String?
    public init(author: String? = nil, comment: String? = nil, changes: [String] = [], containerID: String? = nil, createdBy: String? = nil) {
        self.author = author
        self.comment = comment
        self.changes = changes
        self.containerID = containerID
        self.createdBy = createdBy
    }
}

extension ImageStore {
    /// `docker commit`: the container's overlay upper directory becomes a new
    /// layer on top of its image (whiteouts and opaque directories included),
    /// with the changes applied to the config.
    public func commit(upperDirectory: String, image parentID: Digest, options: CommitOptions, reference: ImageReference? = nil) throws -> Digest {
        let parent = try image(parentID)
        var config = parent.config
        config.config = try ConfigChanges.apply(options.changes, to: parent.config.config ?? ContainerConfig())
        let sink = BlobSink(try blobs.writer())
        do {
            var writer = TarWriter(sink)
            try LayerDiff.write(upperDirectory: upperDirectory, to: &writer)
        } catch {
            sink.abort()
            throw ImageStoreError.invalid("commit: \(error)")
        }
        let (diffID, _) = try sink.commit()
        let fd = open(blobs.path(of: diffID), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ContentError.notFound(diffID) }
        defer { close(fd) }
        _ = try unpackLayer(from: FileDescriptorByteSource(fileDescriptor: fd), parent: parent.metadata.topLayer)
        let created = Self.now()
        config.rootfs.diffIDs.append(diffID)
        config.created = created
        config.author = options.author
        config.comment = options.comment
        config.container = options.containerID
        config.history = (config.history ?? []) + [HistoryEntry(created: created, createdBy: options.createdBy ?? "", author: options.author, comment: options.comment)]
        let id = try register(configBytes: try Self.encode(config))
        if let reference { try tag(id, as: reference) }
        return id
    }

    /// `docker export`: the whole filesystem under `root` (a container's merged
    /// view) as one tar.
    public func export<Sink: ByteSink>(rootDirectory: String, to sink: Sink) throws -> Sink {
        var writer = TarWriter(sink)
        do { try LayerDiff.write(upperDirectory: rootDirectory, to: &writer) } catch {
            throw ImageStoreError.io("export: \(error)")
        }
        return writer.sink
    }
}
