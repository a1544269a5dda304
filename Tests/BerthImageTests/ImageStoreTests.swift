import BerthArchive
@testable import BerthImage
import Foundation
import Testing

/// Guards the image store: import, names, lookup by name/ID/prefix, history,
/// and deletion refused or allowed the way dockerd decides.
@Suite struct ImageStoreTests {
    var root = NSTemporaryDirectory() + "berth-images-\(UUID().uuidString)"

    /// A small rootfs tar made by GNU tar.
    func rootfsTar() throws -> String {
        let source = root + "/src"
        try FileManager.default.createDirectory(atPath: source + "/etc", withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: source + "/etc/greeting"))
        let tar = root + "/rootfs.tar"
        let process = try Process.run(URL(fileURLWithPath: "/bin/tar"), arguments: ["-C", source, "-cf", tar, "."])
        process.waitUntilExit()
        return tar
    }

    func importTar(_ store: ImageStore, _ tar: String, changes: [String] = [], name: String? = nil) throws -> Digest {
        let fd = open(tar, O_RDONLY)
        defer { close(fd) }
        return try store.importRootfs(from: FileDescriptorByteSource(fileDescriptor: fd), changes: changes,
                                      reference: try name.map { try ImageReference.parse($0) })
    }

    @Test func importTagResolveAndHistory() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try ImageStore(root: root + "/store")
        let tar = try rootfsTar()
        let id = try importTar(store, tar, changes: ["CMD [\"sh\"]", "ENV A=1 B=\"two words\"", "WORKDIR /srv", "EXPOSE 80"], name: "busybox")
        let image = try store.image(id)
        #expect(image.config.config?.cmd == ["sh"])
        #expect(image.config.config?.env == ["A=1", "B=two words"])
        #expect(image.config.config?.workingDir == "/srv")
        #expect(image.config.config?.exposedPorts?.keys.sorted() == ["80/tcp"])
        #expect(image.references.map(\.familiarString) == ["busybox:latest"])
        // The layer kept for save hashes to the diff ID.
        let diffID = try #require(image.config.rootfs.diffIDs.first)
        try store.blobs.verify(diffID)
        let tarBytes = try Data(contentsOf: URL(fileURLWithPath: tar))
        #expect(Digest(sha256: BlobStoreTests.hash(Array(tarBytes))) == diffID)
        // Lookup by name, canonical name, full ID, short ID.
        for text in ["busybox", "busybox:latest", "docker.io/library/busybox:latest", id.description, id.hex, String(id.hex.prefix(12))] {
            #expect(try store.resolve(text) == id, "\(text)")
        }
        #expect(throws: ImageStoreError.noSuchImage("nope:latest")) { try store.resolve("nope") }
        #expect(try store.history(id).first?.comment == "Imported from -")
        try store.tag(id, as: try ImageReference.parse("other:v1"))
        #expect(try store.image(id).references.map(\.familiarString) == ["busybox:latest", "other:v1"])
    }

    @Test func deleteFollowsDockersRules() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try ImageStore(root: root + "/store")
        let id = try importTar(store, try rootfsTar(), name: "busybox")
        try store.tag(id, as: try ImageReference.parse("second"))
        // By name while another name remains: only the name goes.
        #expect(try store.delete("second", force: false) == [.untagged("second:latest")])
        try store.tag(id, as: try ImageReference.parse("second"))
        // By ID with two names: refused unless forced.
        #expect(throws: ImageStoreError.self) { try store.delete(id.shortID, force: false) }
        // In use by a running container: refused even when forced (once it is
        // the last name; removing one of several names is always allowed).
        #expect(try store.delete("second", force: false, usage: ImageUsage(containers: [id: [(id: "c0ffee", running: true)]])) == [.untagged("second:latest")])
        let running = ImageUsage(containers: [id: [(id: "c0ffee0000000000", running: true)]])
        #expect(throws: ImageStoreError.conflict("conflict: unable to delete \(id.shortID) (cannot be forced) - image is being used by running container c0ffee000000")) {
            try store.delete("busybox", force: true, usage: running)
        }
        try store.tag(id, as: try ImageReference.parse("second"))
        let results = try store.delete(id.hex, force: true)
        #expect(results == [.untagged("busybox:latest"), .untagged("second:latest"), .deleted(id)])
        #expect(store.allIDs().isEmpty)
        #expect(store.layers.allRecords().isEmpty)
        #expect(store.blobs.list().isEmpty)
    }

    @Test func badChangesAreRefusedAndRegisterNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try ImageStore(root: root + "/store")
        #expect(throws: ImageStoreError.invalid("FROBNICATE is not a valid change command")) {
            try importTar(store, try rootfsTar(), changes: ["FROBNICATE x"])
        }
        #expect(store.allIDs().isEmpty)
        #expect(store.layers.allRecords().isEmpty)
    }
}

/// Guards save and load: round trips keep IDs and names; every layout Docker
/// writes loads; corrupt or unknown content registers nothing.
@Suite struct SaveLoadTests {
    var root = NSTemporaryDirectory() + "berth-saveload-\(UUID().uuidString)"

    func makeStoreWithImage() throws -> (ImageStore, Digest) {
        let store = try ImageStore(root: root + "/a")
        let helper = ImageStoreTests()
        let tar = try helper.rootfsTar()
        let id = try helper.importTar(store, tar, changes: ["CMD [\"sh\"]"], name: "busybox:1")
        try? FileManager.default.removeItem(atPath: helper.root)
        return (store, id)
    }

    @Test func saveThenLoadKeepsIDsAndNames() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (store, id) = try makeStoreWithImage()
        let archive = try store.save(["busybox:1"], to: MemoryByteSink()).bytes
        let other = try ImageStore(root: root + "/b")
        let loaded = try other.load(from: MemoryByteSource(archive))
        #expect(loaded == [LoadedImage(id: id, references: [try ImageReference.parse("busybox:1")])])
        #expect(try other.image(id).configBytes == store.image(id).configBytes)
        // Loading again shares everything: still one layer.
        _ = try other.load(from: MemoryByteSource(archive))
        #expect(other.layers.allRecords().count == 1)
        // The archive is also an OCI layout with a docker manifest.json.
        let names = try TarNames.list(archive)
        #expect(names.contains("manifest.json") && names.contains("index.json") && names.contains("oci-layout"))
    }

    @Test func corruptedBlobRegistersNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (store, id) = try makeStoreWithImage()
        var archive = try store.save(["busybox:1"], to: MemoryByteSink()).bytes
        // Flip one byte of the layer's content ("hello" in etc/greeting).
        let needle = Array("hello\n".utf8)
        let at = try #require((0..<(archive.count - needle.count)).first { archive[$0..<($0 + needle.count)].elementsEqual(needle) })
        archive[at] ^= 0x20
        let other = try ImageStore(root: root + "/b")
        #expect(throws: ImageStoreError.self) { try other.load(from: MemoryByteSource(archive)) }
        #expect(other.allIDs().isEmpty)
        #expect(!other.contains(id))
        #expect(other.layers.allRecords().isEmpty)
    }

    @Test func unknownMediaTypeRegistersNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (store, _) = try makeStoreWithImage()
        let archive = try store.save(["busybox:1"], to: MemoryByteSink()).bytes
        // Rewrite the archive as a pure OCI layout whose layer type is unknown.
        var writer = TarWriter(MemoryByteSink())
        var reader = TarReader(MemoryByteSource(archive))
        while let entry = try reader.next() {
            var data = try reader.readAllData()
            if entry.name == "manifest.json" { continue }
            if entry.name.hasPrefix("blobs/sha256/"), let text = String(bytes: data, encoding: .utf8),
               text.contains(MediaType.ociManifest) && text.contains("layers") {
                data = Array(text.replacingOccurrences(of: MediaType.ociLayer, with: "application/x-unknown").utf8)
                // The blob no longer matches its name, so it goes under its new digest.
                let digest = Digest(sha256: BlobStoreTests.hash(data))
                try writer.append(TarEntry(name: "blobs/sha256/" + digest.hex, size: Int64(data.count)), contents: data)
                let newIndex = ImageIndex(manifests: [Descriptor(mediaType: MediaType.ociManifest, digest: digest, size: Int64(data.count))])
                let indexBytes = try JSONEncoder().encode(newIndex)
                try writer.append(TarEntry(name: "index.json", size: Int64(indexBytes.count)), contents: Array(indexBytes))
                continue
            }
            if entry.name == "index.json" { continue }
            var copy = entry
            copy.size = Int64(data.count)
            try writer.append(copy, contents: data)
        }
        try writer.finish()
        let other = try ImageStore(root: root + "/b")
        #expect(throws: ImageStoreError.invalid("invalid archive: unsupported media type application/x-unknown")) {
            try other.load(from: MemoryByteSource(writer.sink.bytes))
        }
        #expect(other.allIDs().isEmpty)
    }

    @Test func oldDockerArchiveLayoutLoads() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (store, id) = try makeStoreWithImage()
        let image = try store.image(id)
        let diffID = try #require(image.config.rootfs.diffIDs.first)
        var writer = TarWriter(MemoryByteSink())
        try writer.append(TarEntry(name: id.hex + ".json", size: Int64(image.configBytes.count)), contents: image.configBytes)
        let layer = try store.blobs.read(diffID)
        try writer.append(TarEntry(name: "abc123/", type: .directory, mode: 0o755))
        try writer.append(TarEntry(name: "abc123/layer.tar", size: Int64(layer.count)), contents: layer)
        let manifest = try JSONEncoder().encode([ArchiveManifestEntry(config: id.hex + ".json", repoTags: ["old:layout"], layers: ["abc123/layer.tar"])])
        try writer.append(TarEntry(name: "manifest.json", size: Int64(manifest.count)), contents: Array(manifest))
        try writer.finish()
        let other = try ImageStore(root: root + "/b")
        let loaded = try other.load(from: MemoryByteSource(writer.sink.bytes))
        #expect(loaded.map(\.id) == [id])
        #expect(try other.resolve("old:layout") == id)
    }
}

/// Lists the names in a tar held in memory.
enum TarNames {
    static func list(_ bytes: [UInt8]) throws -> [String] {
        var reader = TarReader(MemoryByteSource(bytes))
        var names: [String] = []
        while let entry = try reader.next() { names.append(entry.name) }
        return names
    }
}

/// Guards export (a whole tree as one tar) and prune (untagged images go,
/// used and tagged ones stay).
@Suite struct ExportPruneTests {
    let root = NSTemporaryDirectory() + "berth-export-\(UUID().uuidString)"

    @Test func exportWritesTheWholeTree() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let helper = ImageStoreTests(root: root + "/src")
        _ = try helper.rootfsTar()
        let store = try ImageStore(root: root + "/store")
        let archive = try store.export(rootDirectory: root + "/src/src", to: MemoryByteSink()).bytes
        let names = try TarNames.list(archive)
        #expect(names.contains("etc/greeting"), "\(names)")
    }

    @Test func pruneRemovesOnlyUnusedUntaggedImages() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let helper = ImageStoreTests(root: root + "/src")
        let tar = try helper.rootfsTar()
        let store = try ImageStore(root: root + "/store")
        let tagged = try helper.importTar(store, tar, name: "keep")
        let dangling = try helper.importTar(store, tar, changes: ["CMD [\"a\"]"])
        let used = try helper.importTar(store, tar, changes: ["CMD [\"b\"]"])
        let usage = ImageUsage(containers: [used: [(id: "c1", running: false)]])
        #expect(store.prune(all: false, usage: usage) == [.deleted(dangling)])
        #expect(Set(store.allIDs()) == [tagged, used])
        #expect(store.prune(all: true, usage: usage) == [.untagged("keep:latest"), .deleted(tagged)])
        #expect(store.allIDs() == [used])
        #expect(store.layers.allRecords().count == 1)
    }
}
