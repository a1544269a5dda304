import BerthArchive
@testable import BerthImage
import Foundation
import Testing

/// Guards commit: a container's upper directory becomes a layer whose
/// deletions (whiteouts, opaque directories) stay deleted in the child image,
/// and children share their base layer on disk.
@Suite(.enabled(if: getuid() == 0, "needs root: overlay mounts"))
struct CommitRootTests {
    let root = NSTemporaryDirectory() + "berth-commit-\(UUID().uuidString)"

    func makeBase(_ store: ImageStore) throws -> Digest {
        let source = root + "/src"
        for directory in ["dir", "keep"] {
            try FileManager.default.createDirectory(atPath: source + "/" + directory, withIntermediateDirectories: true)
        }
        for (path, text) in [("a", "a"), ("dir/b", "b"), ("keep/k", "k")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: source + "/" + path))
        }
        let tar = root + "/base.tar"
        #expect(Interop.run(["/bin/tar", "-C", source, "-cf", tar, "."]).status == 0)
        let fd = open(tar, O_RDONLY)
        defer { close(fd) }
        return try store.importRootfs(from: FileDescriptorByteSource(fileDescriptor: fd), reference: try ImageReference.parse("base"))
    }

    /// Mounts `image` with a fresh upper dir, runs `change` in the merged view, unmounts.
    func container(_ store: ImageStore, _ image: Digest, _ name: String, change: (String) throws -> Void) throws -> String {
        let directory = root + "/" + name
        for part in ["upper", "work", "merged"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + part, withIntermediateDirectories: true)
        }
        let top = try #require(try store.image(image).metadata.topLayer)
        try OverlayMount.mount(store: store.layers, top: top, upper: directory + "/upper", work: directory + "/work", target: directory + "/merged")
        defer { try? OverlayMount.unmount(directory + "/merged") }
        try change(directory + "/merged")
        return directory + "/upper"
    }

    func listing(_ directory: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func deletionsSurviveCommitAndChildrenShareTheBase() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try ImageStore(root: root + "/store")
        let base = try makeBase(store)
        let upper = try container(store, base, "c1") { merged in
            try FileManager.default.removeItem(atPath: merged + "/a")
            try FileManager.default.removeItem(atPath: merged + "/dir")
            try FileManager.default.createDirectory(atPath: merged + "/dir", withIntermediateDirectories: false)
            try Data("new".utf8).write(to: URL(fileURLWithPath: merged + "/dir/new"))
            try Data("c".utf8).write(to: URL(fileURLWithPath: merged + "/c"))
        }
        let child = try store.commit(upperDirectory: upper, image: base,
                                     options: CommitOptions(author: "tester", comment: "c1", changes: ["CMD [\"true\"]"]))
        let image = try store.image(child)
        #expect(image.config.rootfs.diffIDs.count == 2)
        #expect(image.config.config?.cmd == ["true"])
        #expect(image.config.author == "tester")
        // What a container of the child sees.
        var seen: [String] = []
        _ = try container(store, child, "c2") { merged in seen = try listing(merged) }
        #expect(seen == ["c", "dir", "dir/new", "keep", "keep/k"])
        // A grandchild that deletes a file of the child keeps it deleted too.
        let upper3 = try container(store, child, "c3") { merged in try FileManager.default.removeItem(atPath: merged + "/c") }
        let grandchild = try store.commit(upperDirectory: upper3, image: child, options: CommitOptions())
        _ = try container(store, grandchild, "c4") { merged in seen = try listing(merged) }
        #expect(seen == ["dir", "dir/new", "keep", "keep/k"])
        // Three images, one copy of the base layer.
        let baseLayer = try #require(try store.image(base).metadata.topLayer)
        #expect(store.layers.allRecords().filter { $0.chainID == baseLayer }.count == 1)
        #expect(store.layers.allRecords().count == 3)
        #expect(store.layers.referenceCounts(inUse: store.allIDs().compactMap { try? store.image($0).metadata.topLayer })[baseLayer] == 3)
    }
}
