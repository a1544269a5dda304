import BerthArchive
import CLinuxSys
import Foundation
import Testing

/// LayerDiff on hand-made upperdirs: entry shapes, ordering and byte-for-byte determinism.
@Suite struct LayerDiffTests {
    /// An upperdir with every kind of change; whiteout and opaque parts only when root.
    static func makeUpper(_ upper: String, privileged: Bool) throws {
        try LayerFixture.write(upper + "/b-dir/file", "contents")
        try LayerFixture.write(upper + "/b.txt", "b")
        try LayerFixture.write(upper + "/a", "a")
        try FileManager.default.createSymbolicLink(atPath: upper + "/b-dir/link", withDestinationPath: "/etc/passwd")
        try FileManager.default.linkItem(atPath: upper + "/b-dir/file", toPath: upper + "/z-hard")
        #expect(mkfifo(upper + "/fifo", 0o640) == 0)
        _ = berth_lsetxattr(upper + "/a", "user.berth", "1", 1, 0)
        guard privileged else { return }
        #expect(mknod(upper + "/deleted", S_IFCHR, 0) == 0)
        #expect(mknod(upper + "/b-dir/also-deleted", S_IFCHR, 0) == 0)
        try FileManager.default.createDirectory(atPath: upper + "/opaque", withIntermediateDirectories: false)
        try LayerFixture.write(upper + "/opaque/-first", "f")
        #expect(berth_lsetxattr(upper + "/opaque", "trusted.overlay.opaque", "y", 1, 0) == 0)
        #expect(berth_lsetxattr(upper + "/b.txt", "trusted.overlay.origin", "x", 1, 0) == 0)
    }

    @Test func plainDirectoryGivesSortedDeterministicEntries() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let upper = try temp.sub("upper")
        try Self.makeUpper(upper, privileged: false)
        LayerFixture.setTimes(under: upper, seconds: 1_600_000_000)
        let entries = try Archive.read(try LayerFixture.diff(upper))
        #expect(entries.map(\.0.name) == ["a", "b-dir/", "b-dir/file", "b-dir/link", "b.txt", "fifo", "z-hard"])
        let byName = Dictionary(entries.map { ($0.0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["b-dir/file"]?.1 == Array("contents".utf8))
        #expect(byName["z-hard"]?.0.type == .hardLink && byName["z-hard"]?.0.linkName == "b-dir/file")
        #expect(byName["fifo"]?.0.type == .fifo && byName["fifo"]?.0.mode == 0o640)
        #expect(byName["b-dir/link"]?.0.linkName == "/etc/passwd")
        #expect(entries.allSatisfy { $0.0.modificationTime == TarTimestamp(seconds: 1_600_000_000) })
        if LayerFixture.xattr(upper + "/a", "user.berth") != nil {
            #expect(byName["a"]?.0.xattrs == ["user.berth": Array("1".utf8)])
        }
    }

    @Test(.enabled(if: getuid() == 0, "needs root for mknod and trusted xattrs"))
    func whiteoutsAndOpaqueDirectories() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        guard LayerFixture.requireTrustedXattrs(temp, test: #function) else { return }
        let upper = try temp.sub("upper")
        try Self.makeUpper(upper, privileged: true)
        var writer = TarWriter(MemoryByteSink())
        let report = try LayerDiff.write(upperDirectory: upper, to: &writer, options: DiffOptions(fixedModificationTime: 42))
        #expect(report.whiteouts == 2 && report.opaqueDirectories == 1)
        let entries = try Archive.read(writer.sink.bytes).map(\.0)
        #expect(entries.map(\.name) == [
            ".wh.deleted", "a", "b-dir/", "b-dir/.wh.also-deleted", "b-dir/file", "b-dir/link", "b.txt", "fifo",
            "opaque/", "opaque/.wh..wh..opq", "opaque/-first", "z-hard",
        ])
        #expect(entries.count == report.entries)
        #expect(entries.allSatisfy { $0.modificationTime.seconds == 42 })
        let byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["b-dir/.wh.also-deleted"].map { $0.type == .regular && $0.mode == 0 && $0.size == 0 } == true)
        #expect(byName["b.txt"]?.xattrs["trusted.overlay.origin"] == nil)
        #expect(byName["opaque/"]?.xattrs.isEmpty == true)
    }

    @Test(.enabled(if: getuid() == 0, "needs root for mknod and trusted xattrs"))
    func sameChangesGiveIdenticalBytes() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        guard LayerFixture.requireTrustedXattrs(temp, test: #function) else { return }
        let first = try temp.sub("first")
        let second = try temp.sub("second")
        try Self.makeUpper(first, privileged: true)
        try Self.makeUpper(second, privileged: true)
        LayerFixture.setTimes(under: first, seconds: 1_700_000_000)
        LayerFixture.setTimes(under: second, seconds: 1_700_000_000)
        #expect(try LayerFixture.diff(first) == LayerFixture.diff(second))

        LayerFixture.setTimes(under: second, seconds: 1_700_000_777)
        #expect(try LayerFixture.diff(first) != LayerFixture.diff(second))
        let fixed = DiffOptions(fixedModificationTime: 0)
        #expect(try LayerFixture.diff(first, options: fixed) == LayerFixture.diff(second, options: fixed))
    }

    @Test func missingUpperDirectoryIsNamed() throws {
        var writer = TarWriter(MemoryByteSink())
        #expect(throws: LayerDiffError.rootUnavailable(path: "/nonexistent/upper", errno: ENOENT)) {
            try LayerDiff.write(upperDirectory: "/nonexistent/upper", to: &writer)
        }
    }
}
