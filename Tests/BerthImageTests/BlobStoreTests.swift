@testable import BerthImage
import Crypto
import Foundation
import Testing

/// Guards the content store: blobs are named by their sha256, verified on the
/// way in and out, and never visible half-written.
@Suite struct BlobStoreTests {
    let root = NSTemporaryDirectory() + "berth-blobs-\(UUID().uuidString)"

    /// SHA-256 of bytes.
    static func hash(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
    // sha256("hello\n")
    static let helloDigest = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"

    @Test func writeReadAndDeduplicate() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try BlobStore(root: root)
        let digest = try store.write(Array("hello\n".utf8))
        #expect(digest.description == Self.helloDigest)
        #expect(try store.read(digest) == Array("hello\n".utf8))
        #expect(try store.size(of: digest) == 6)
        #expect(try store.write(Array("hello\n".utf8), expected: digest) == digest)
        #expect(store.list() == [digest])
        try store.verify(digest)
        try store.delete(digest)
        #expect(!store.contains(digest))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/ingest").isEmpty)
    }

    @Test func wrongExpectedDigestIsRefusedAndLeavesNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try BlobStore(root: root)
        let wrong = try #require(Digest("sha256:" + String(repeating: "0", count: 64)))
        #expect(throws: ContentError.self) { try store.write(Array("hello\n".utf8), expected: wrong) }
        #expect(store.list().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/ingest").isEmpty)
    }

    @Test func corruptedBlobIsDetectedOnRead() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try BlobStore(root: root)
        let digest = try store.write(Array("hello\n".utf8))
        try Data("jello\n".utf8).write(to: URL(fileURLWithPath: store.path(of: digest)))
        #expect(throws: ContentError.self) { try store.read(digest) }
        #expect(throws: ContentError.self) { try store.verify(digest) }
    }

    @Test func streamingWriterChecksSize() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try BlobStore(root: root)
        var writer = try store.writer()
        try writer.append(Array("hel".utf8))
        try writer.append(Array("lo\n".utf8))
        var failure: ContentError?
        do { _ = try writer.commit(expected: nil, expectedSize: 7) } catch { failure = error }
        #expect(failure == .sizeMismatch(digest: nil, expected: 7, actual: 6))
        #expect(store.list().isEmpty)
        var second = try store.writer()
        try second.append(Array("hello\n".utf8))
        #expect(try second.commit(expected: Digest(Self.helloDigest), expectedSize: 6).description == Self.helloDigest)
    }

    @Test(arguments: ["sha256:abc", "md5:" + String(repeating: "a", count: 64), "sha256:" + String(repeating: "A", count: 64), ""])
    func invalidDigestsAreRejected(text: String) {
        #expect(Digest(text) == nil)
    }
}
