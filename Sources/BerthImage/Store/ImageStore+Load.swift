import BerthArchive
import Foundation
import Glibc

/// An image `load` registered, and the names it tagged.
public struct LoadedImage: Sendable, Equatable {
    public var id: Digest
    public var references: [ImageReference]
}

extension ImageStore {
    /// `docker load`: reads a docker-archive (old `<id>/layer.tar` layout or
    /// the new `blobs/sha256` one) or an OCI image layout, verifies every blob
    /// against its digest and every layer against its diff ID, and registers
    /// the images. A bad archive registers nothing.
    public func load<Source: ByteSource>(from source: Source) throws -> [LoadedImage] {
        // `docker save | gzip` is a common way to ship images: accept it.
        let plain: DecompressingSource<Source>
        do { plain = try DecompressingSource(source) } catch { throw ImageStoreError.invalid("invalid archive: \(error)") }
        var reader = TarReader(plain)
        var files: [String: [UInt8]] = [:]
        var blobPaths: [String: Digest] = [:]
        do {
            while let entry = try reader.next() {
                guard entry.type == .regular else { continue }
                let name = Self.normalise(entry.name)
                if ["manifest.json", "index.json", "oci-layout", "repositories"].contains(name) {
                    files[name] = try reader.readAllData(limit: 16 << 20)
                    continue
                }
                var expected: Digest?
                if name.hasPrefix("blobs/sha256/") {
                    guard let digest = Digest("sha256:" + name.dropFirst(13)) else { continue }
                    expected = digest
                } else if name.hasSuffix(".json"), !name.contains("/") {
                    expected = Digest("sha256:" + name.dropLast(5))  // old layout: <image id>.json
                } else if !name.hasSuffix("/layer.tar") {
                    continue
                }
                blobPaths[name] = try storeBlob(from: &reader, expected: expected, name: name)
            }
        } catch let error as ContentError {
            throw ImageStoreError.invalid("invalid archive: \(error)")
        } catch let error as TarError {
            throw ImageStoreError.invalid("invalid archive: \(error)")
        } catch let error as CompressionError {
            throw ImageStoreError.invalid("invalid archive: \(error)")
        }
        let plans = try loadPlans(files: files, blobPaths: blobPaths)
        var loaded: [LoadedImage] = []
        do {
            for plan in plans {
                let id = try registerPlan(plan)
                for reference in plan.references { try tag(id, as: reference) }
                loaded.append(LoadedImage(id: id, references: plan.references))
            }
        } catch {
            collectGarbage()
            throw error
        }
        return loaded
    }

    /// One image to register: its config, its layer blobs in order, its names.
    struct LoadPlan {
        var config: Digest
        var layers: [(blob: Digest, mediaType: String?)]
        var references: [ImageReference]
    }

    private func loadPlans(files: [String: [UInt8]], blobPaths: [String: Digest]) throws -> [LoadPlan] {
        if let manifest = files["manifest.json"] {
            let entries: [ArchiveManifestEntry]
            do { entries = try JSONDecoder().decode([ArchiveManifestEntry].self, from: Data(manifest)) } catch {
                throw ImageStoreError.invalid("invalid archive: manifest.json: \(error)")
            }
            return try entries.map { entry in
                func blob(_ path: String) throws -> Digest {
                    guard let digest = blobPaths[Self.normalise(path)] else {
                        throw ImageStoreError.invalid("invalid archive: \(path) is listed in manifest.json but missing")
                    }
                    return digest
                }
                let references = try (entry.repoTags ?? []).map { tag in
                    do { return try ImageReference.parse(tag) } catch { throw ImageStoreError.invalid("invalid archive: tag \(tag): \(error)") }
                }
                return LoadPlan(config: try blob(entry.config), layers: try entry.layers.map { (try blob($0), nil) }, references: references)
            }
        }
        guard let indexBytes = files["index.json"] else {
            throw ImageStoreError.invalid("invalid archive: neither manifest.json nor index.json found")
        }
        let index: ImageIndex
        do { index = try JSONDecoder().decode(ImageIndex.self, from: Data(indexBytes)) } catch {
            throw ImageStoreError.invalid("invalid archive: index.json: \(error)")
        }
        return try index.manifests.map { descriptor in
            guard descriptor.mediaType == MediaType.ociManifest || descriptor.mediaType == MediaType.dockerManifest else {
                throw ImageStoreError.invalid("invalid archive: unsupported media type \(descriptor.mediaType)")
            }
            let manifest: Manifest
            do { manifest = try JSONDecoder().decode(Manifest.self, from: Data(try blobs.read(descriptor.digest))) } catch {
                throw ImageStoreError.invalid("invalid archive: manifest \(descriptor.digest): \(error)")
            }
            for layer in manifest.layers where !MediaType.layers.contains(layer.mediaType) {
                throw ImageStoreError.invalid("invalid archive: unsupported media type \(layer.mediaType)")
            }
            var references: [ImageReference] = []
            if let name = descriptor.annotations?["io.containerd.image.name"], let reference = try? ImageReference.parse(name) {
                references.append(reference)
            }
            return LoadPlan(config: manifest.config.digest, layers: manifest.layers.map { ($0.digest, $0.mediaType) }, references: references)
        }
    }

    /// Unpacks the plan's layers (checking each against the config's diff IDs)
    /// and registers its config.
    private func registerPlan(_ plan: LoadPlan) throws -> Digest {
        let configBytes: [UInt8]
        do { configBytes = try blobs.read(plan.config) } catch { throw ImageStoreError.invalid("invalid archive: config: \(error)") }
        let config: ImageConfig
        do { config = try JSONDecoder().decode(ImageConfig.self, from: Data(configBytes)) } catch {
            throw ImageStoreError.invalid("invalid archive: image config: \(error)")
        }
        guard config.rootfs.diffIDs.count == plan.layers.count else {
            throw ImageStoreError.invalid("invalid archive: the config lists \(config.rootfs.diffIDs.count) layers, the manifest \(plan.layers.count)")
        }
        var parent: Digest?
        for (index, layer) in plan.layers.enumerated() {
            let expected = config.rootfs.diffIDs[index]
            let chain = parent.map { LayerStore.chainID(parent: $0, diffID: expected) } ?? expected
            if layers.contains(chain) {
                parent = chain
                continue
            }
            let fd = open(blobs.path(of: layer.blob), O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ContentError.notFound(layer.blob) }
            defer { close(fd) }
            let (record, diffID) = try unpackLayer(from: try LayerBlob.source(fileDescriptor: fd, mediaType: layer.mediaType), parent: parent)
            guard diffID == expected else {
                try? layers.remove(record.chainID)
                throw ImageStoreError.invalid("invalid archive: layer \(index) has diff ID \(diffID), the config says \(expected)")
            }
            parent = record.chainID
        }
        return try register(configBytes: configBytes)
    }

    private func storeBlob<S: ByteSource>(from reader: inout TarReader<S>, expected: Digest?, name: String) throws -> Digest {
        var writer = try blobs.writer()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count: Int
            do { count = try reader.readData(into: buffer) } catch {
                writer.abort()
                throw error
            }
            if count == 0 { break }
            do { try writer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) } catch {
                writer.abort()
                throw error
            }
        }
        do { return try writer.commit(expected: expected, expectedSize: nil) } catch {
            throw ContentError.io("\(name): \(error)")
        }
    }

    /// "./a//b" → "a/b".
    static func normalise(_ name: String) -> String {
        name.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
