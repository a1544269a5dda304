import BerthArchive
@testable import BerthImage
import Foundation
import Testing

/// Guards compressed input: `docker save | gzip` archives and gzip/zstd
/// imports load; a truncated gzip stream is an error that registers nothing.
@Suite struct CompressedLoadTests {
    let root = NSTemporaryDirectory() + "berth-gzload-\(UUID().uuidString)"

    func savedArchive() throws -> (Digest, String) {
        let (store, id) = try SaveLoadTests(root: root).makeStoreWithImage()
        let path = root + "/saved.tar"
        try Data(try store.save(["busybox:1"], to: MemoryByteSink()).bytes).write(to: URL(fileURLWithPath: path))
        return (id, path)
    }

    func compress(_ path: String, with tool: String) throws -> String {
        let output = path + "." + tool
        #expect(Interop.run(["/bin/sh", "-c", "\(tool) -c < '\(path)' > '\(output)'"]).status == 0)
        return output
    }

    func load(_ path: String, into store: ImageStore) throws -> [LoadedImage] {
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        return try store.load(from: FileDescriptorByteSource(fileDescriptor: fd))
    }

    @Test(arguments: ["gzip", "zstd"])
    func compressedArchiveLoads(tool: String) throws {
        guard Interop.run(["/bin/sh", "-c", "command -v \(tool)"]).status == 0 else {
            print("skipping: \(tool) is not installed")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (id, path) = try savedArchive()
        let other = try ImageStore(root: root + "/other")
        #expect(try load(try compress(path, with: tool), into: other).map(\.id) == [id])
    }

    @Test func truncatedGzipRegistersNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (_, path) = try savedArchive()
        let gzipped = try compress(path, with: "gzip")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: gzipped))
        try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: gzipped))
        let other = try ImageStore(root: root + "/other")
        #expect(throws: ImageStoreError.self) { try load(gzipped, into: other) }
        #expect(other.allIDs().isEmpty)
        #expect(other.layers.allRecords().isEmpty)
    }

    @Test func gzipRootfsImports() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let helper = ImageStoreTests(root: root + "/import")
        let tar = try helper.rootfsTar()
        let store = try ImageStore(root: root + "/store")
        let plainID = try helper.importTar(store, tar)
        let gzipID = try helper.importTar(store, try compress(tar, with: "gzip"))
        // Same uncompressed content, same diff ID: the layer is shared.
        #expect(try store.image(plainID).config.rootfs.diffIDs == store.image(gzipID).config.rootfs.diffIDs)
        #expect(store.layers.allRecords().count == 1)
    }
}
