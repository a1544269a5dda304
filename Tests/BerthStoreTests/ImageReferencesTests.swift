import BerthStore
import Foundation
import Testing

/// Image names live in the metadata database, replaced in one transaction.
@Suite struct ImageReferencesTests {
    @Test func replaceAndLoadRoundTrip() throws {
        let path = NSTemporaryDirectory() + "berth-refs-\(UUID().uuidString).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try MetadataStore(path: path)
        #expect(try store.imageReferences().isEmpty)
        try store.replaceImageReferences(["busybox:latest": "sha256:aa", "x:1": "sha256:bb"])
        #expect(try store.imageReferences() == ["busybox:latest": "sha256:aa", "x:1": "sha256:bb"])
        try store.replaceImageReferences(["x:1": "sha256:cc"])
        #expect(try store.imageReferences() == ["x:1": "sha256:cc"])
        // A second open (a restarted daemon) sees the same names.
        #expect(try MetadataStore(path: path).imageReferences() == ["x:1": "sha256:cc"])
    }
}
