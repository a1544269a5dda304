import BerthArchive
import CLinuxSys
import Foundation
import Testing

/// Root-only integration: changes made through a real overlayfs mount, diffed from the
/// upperdir into a layer tar, then applied and re-mounted to show nothing was lost.
@Suite struct LayerOverlayRoundTripTests {
    /// The lower layer: files the merged view then deletes, replaces, modifies and keeps.
    static func populateLower(_ lower: String) throws {
        for (path, text) in [
            ("keep.txt", "keep"), ("gone.txt", "gone"), ("olddir/a", "a"), ("olddir/sub/b", "b"),
            ("opq/old1", "old1"), ("opq/sub/old2", "old2"), ("mod.txt", "v1"), ("perm.sh", "#!/bin/sh"),
        ] {
            try LayerFixture.write(lower + "/" + path, text)
        }
        chmod(lower + "/perm.sh", 0o644)
    }

    /// The changes a container makes, through the merged view.
    static func change(_ merged: String) throws {
        let files = FileManager.default
        try files.removeItem(atPath: merged + "/gone.txt")
        try files.removeItem(atPath: merged + "/olddir")
        try files.removeItem(atPath: merged + "/opq")
        try files.createDirectory(atPath: merged + "/opq", withIntermediateDirectories: false)
        try LayerFixture.write(merged + "/opq/new", "new")
        try LayerFixture.write(merged + "/mod.txt", "v2")
        try LayerFixture.write(merged + "/added/file.txt", "added")
        try files.linkItem(atPath: merged + "/added/file.txt", toPath: merged + "/added/link")
        try files.createSymbolicLink(atPath: merged + "/added/sym", withDestinationPath: "file.txt")
        chmod(merged + "/perm.sh", 0o755)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to mount overlayfs"))
    func upperdirDiffAppliesAndMountsLikeTheOriginal() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        guard LayerFixture.requireTrustedXattrs(temp, test: #function) else { return }
        let (lower, upper, work, merged) = (try temp.sub("lower"), try temp.sub("upper"), try temp.sub("work"), try temp.sub("merged"))
        try Self.populateLower(lower)

        let mount = try OverlayMount(lower: [lower], upper: upper, work: work, merged: merged)
        defer { mount.unmount() }
        try Self.change(merged)
        let mergedView = LayerFixture.snapshot(merged)
        mount.unmount()
        #expect(mergedView["opq/new"] == "file 644 new" && mergedView["gone.txt"] == nil)

        let layer = try LayerFixture.diff(upper)
        let entries = try Archive.read(layer).map(\.0)
        #expect(entries.map(\.name) == [
            ".wh.gone.txt", ".wh.olddir", "added/", "added/file.txt", "added/link", "added/sym",
            "mod.txt", "opq/", "opq/.wh..wh..opq", "opq/new", "perm.sh",
        ])
        let byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName[".wh.gone.txt"]?.type == .regular && byName[".wh.gone.txt"]?.mode == 0 && byName[".wh.gone.txt"]?.size == 0)
        #expect(byName["added/link"]?.type == .hardLink && byName["added/link"]?.linkName == "added/file.txt")
        #expect(byName["added/sym"]?.type == .symbolicLink && byName["added/sym"]?.linkName == "file.txt")
        #expect(byName["perm.sh"]?.mode == 0o755)
        #expect(entries.allSatisfy { $0.userName.isEmpty && $0.groupName.isEmpty && $0.modificationTime.nanoseconds == 0 })
        #expect(entries.allSatisfy { entry in !entry.xattrs.keys.contains { $0.hasPrefix("trusted.overlay.") } })
        #expect(entries.allSatisfy { entry in !entry.paxRecords.keys.contains { $0 == "atime" || $0 == "ctime" } })

        // Flattened: the lower tree, then the layer applied onto it.
        let flat = try temp.sub("flat")
        _ = try Archive.extract(try LayerFixture.diff(lower), into: flat, options: .layer(whiteouts: .apply))
        let report = try Archive.extract(layer, into: flat, options: .layer(whiteouts: .apply))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(LayerFixture.snapshot(flat) == mergedView)

        // As its own lowerdir: overlayfs sees the same whiteouts and opaque directory.
        let unpacked = try temp.sub("unpacked")
        _ = try Archive.extract(layer, into: unpacked, options: .layer())
        let remerged = try temp.sub("remerged")
        let second = try OverlayMount(lower: [unpacked, lower], merged: remerged)
        defer { second.unmount() }
        #expect(LayerFixture.snapshot(remerged) == mergedView)
    }
}
