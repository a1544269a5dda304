@testable import BerthImage
import Foundation
import Testing

/// Guards the layer store: one directory per chain, shared between images,
/// garbage-collected when unused, and mountable as an overlay of 100+ layers.
@Suite struct LayerStoreTests {
    let root = NSTemporaryDirectory() + "berth-layers-\(UUID().uuidString)"

    static func digest(_ text: String) -> Digest {
        Digest(sha256: Array(text.utf8).sha256Bytes)
    }

    func writeFile(_ directory: String, _ name: String, _ content: String) throws -> Int64 {
        try Data(content.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        return Int64(content.utf8.count)
    }

    @Test func sharedBaseIsUnpackedOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try LayerStore(root: root)
        var unpacks = 0
        let base = try store.register(diffID: Self.digest("base"), parent: nil) { dir in
            unpacks += 1
            return try writeFile(dir, "base.txt", "base")
        }
        for name in ["app1", "app2"] {
            let again = try store.register(diffID: Self.digest("base"), parent: nil) { _ in
                unpacks += 1
                return 0
            }
            #expect(again == base)
            try store.register(diffID: Self.digest(name), parent: base.chainID) { dir in try writeFile(dir, name, name) }
        }
        #expect(unpacks == 1)
        #expect(store.allRecords().count == 3)
        #expect(try store.stack(LayerStore.chainID(parent: base.chainID, diffID: Self.digest("app2"))).map(\.diffID)
            == [Self.digest("app2"), Self.digest("base")])
        // The base cannot go while a child needs it.
        #expect(throws: LayerStoreError.self) { try store.remove(base.chainID) }
        // Only app1's stack stays in use: app2's layer goes, the base stays.
        let app1 = LayerStore.chainID(parent: base.chainID, diffID: Self.digest("app1"))
        let removed = store.garbageCollect(inUse: [app1])
        #expect(removed == [LayerStore.chainID(parent: base.chainID, diffID: Self.digest("app2"))])
        #expect(store.referenceCounts(inUse: [app1, base.chainID])[base.chainID] == 2)
        store.garbageCollect(inUse: [])
        #expect(store.allRecords().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/l").isEmpty)
    }

    @Test func registeringOnAMissingParentFails() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try LayerStore(root: root)
        #expect(throws: LayerStoreError.self) {
            try store.register(diffID: Self.digest("x"), parent: Self.digest("nope")) { _ in 0 }
        }
        #expect(store.allRecords().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tmp").isEmpty)
    }

    @Test(.enabled(if: getuid() == 0, "needs root: overlay mounts"))
    func mountsMoreThanOneHundredLayers() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try LayerStore(root: root)
        var top: Digest?
        for index in 0..<130 {
            top = try store.register(diffID: Self.digest("layer\(index)"), parent: top) { dir in
                // Each layer adds a file and overrides the shared one.
                _ = try writeFile(dir, "file\(index)", "\(index)")
                return try writeFile(dir, "shared", "\(index)")
            }.chainID
        }
        let container = root + "/container"
        for name in ["upper", "work", "merged"] {
            try FileManager.default.createDirectory(atPath: container + "/" + name, withIntermediateDirectories: true)
        }
        let chain = try #require(top)
        try OverlayMount.mount(store: store, top: chain, upper: container + "/upper", work: container + "/work", target: container + "/merged")
        defer { try? OverlayMount.unmount(container + "/merged") }
        let names = try FileManager.default.contentsOfDirectory(atPath: container + "/merged")
        #expect(names.count == 131)
        #expect(try String(contentsOfFile: container + "/merged/shared", encoding: .utf8) == "129")
        try Data("new".utf8).write(to: URL(fileURLWithPath: container + "/merged/added"))
        #expect(FileManager.default.fileExists(atPath: container + "/upper/added"))
        try OverlayMount.unmount(container + "/merged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: container + "/merged").isEmpty)
    }
}

extension Array where Element == UInt8 {
    /// SHA-256 of these bytes, for making test digests.
    var sha256Bytes: [UInt8] {
        Array(BlobStoreTests.hash(self))
    }
}
