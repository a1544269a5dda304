import BerthArchive
@testable import BerthImage
import Foundation
import Testing

/// Guards the image store: import, names, lookup by name/ID/prefix, history,
/// and deletion refused or allowed the way dockerd decides.
@Suite struct ImageStoreTests {
    let root = NSTemporaryDirectory() + "berth-images-\(UUID().uuidString)"

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
        #expect(throws: ImageStoreError.noSuchImage("nope")) { try store.resolve("nope") }
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
