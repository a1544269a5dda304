import BerthArchive
import Crypto
import Foundation
import Glibc

extension ImageStore {
    /// `docker save`: writes the images named (by name or ID) as one tar in
    /// the layout Docker 25+ writes — an OCI image layout (`oci-layout`,
    /// `index.json`, `blobs/sha256/…`) that is also a docker-archive
    /// (`manifest.json`, `repositories`) — so both `docker load` and OCI tools read it.
    public func save<Sink: ByteSink>(_ names: [String], to sink: Sink) throws -> Sink {
        var writer = TarWriter(sink)
        var written = Set<Digest>()
        var archiveEntries: [ArchiveManifestEntry] = []
        var indexEntries: [Descriptor] = []
        var repositories: [String: [String: String]] = [:]
        try writer.append(TarEntry(name: "blobs/", type: .directory, mode: 0o755))
        try writer.append(TarEntry(name: "blobs/sha256/", type: .directory, mode: 0o755))
        for name in names {
            let id = try resolve(name)
            let image = try image(id)
            let tags = (try? ImageReference.parse(name)).flatMap { reference in
                image.references.contains(reference) ? [reference] : nil
            } ?? []
            try writeBlob(id, into: &writer, written: &written)
            var layerDescriptors: [Descriptor] = []
            for diffID in image.config.rootfs.diffIDs {
                try writeBlob(diffID, into: &writer, written: &written)
                layerDescriptors.append(Descriptor(mediaType: MediaType.ociLayer, digest: diffID, size: try blobs.size(of: diffID)))
            }
            let manifest = Manifest(mediaType: MediaType.ociManifest,
                                    config: Descriptor(mediaType: MediaType.ociConfig, digest: id, size: Int64(image.configBytes.count)),
                                    layers: layerDescriptors)
            let manifestBytes = try Self.encode(manifest)
            let manifestDigest = Digest(sha256: SHA256.hash(data: manifestBytes))
            if written.insert(manifestDigest).inserted {
                try writeFile("blobs/sha256/" + manifestDigest.hex, manifestBytes, into: &writer)
            }
            archiveEntries.append(ArchiveManifestEntry(
                config: "blobs/sha256/" + id.hex, repoTags: tags.isEmpty ? nil : tags.map(\.familiarString),
                layers: image.config.rootfs.diffIDs.map { "blobs/sha256/" + $0.hex }))
            let descriptor = { (tag: ImageReference?) in
                Descriptor(mediaType: MediaType.ociManifest, digest: manifestDigest, size: Int64(manifestBytes.count),
                           annotations: tag.map { ["io.containerd.image.name": $0.description, "org.opencontainers.image.ref.name": $0.tag ?? "latest"] })
            }
            if tags.isEmpty { indexEntries.append(descriptor(nil)) }
            for tag in tags {
                indexEntries.append(descriptor(tag))
                repositories[tag.familiarRepository, default: [:]][tag.tag ?? "latest"] = image.config.rootfs.diffIDs.last?.hex ?? id.hex
            }
        }
        try writeFile("index.json", try Self.encode(ImageIndex(manifests: indexEntries)), into: &writer)
        try writeFile("manifest.json", try Self.encode(archiveEntries), into: &writer)
        try writeFile("oci-layout", Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8), into: &writer)
        if !repositories.isEmpty { try writeFile("repositories", try Self.encode(repositories), into: &writer) }
        try writer.finish()
        return writer.sink
    }

    private func writeBlob<Sink: ByteSink>(_ digest: Digest, into writer: inout TarWriter<Sink>, written: inout Set<Digest>) throws {
        guard written.insert(digest).inserted else { return }
        let fd = open(blobs.path(of: digest), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ContentError.notFound(digest) }
        defer { close(fd) }
        var source = FileDescriptorByteSource(fileDescriptor: fd)
        try writer.append(TarEntry(name: "blobs/sha256/" + digest.hex, size: try blobs.size(of: digest)), from: &source)
    }

    private func writeFile<Sink: ByteSink>(_ name: String, _ bytes: [UInt8], into writer: inout TarWriter<Sink>) throws {
        try writer.append(TarEntry(name: name, size: Int64(bytes.count)), contents: bytes)
    }

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
