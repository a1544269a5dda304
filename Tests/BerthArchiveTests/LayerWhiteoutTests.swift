import BerthArchive
import CLinuxSys
import Foundation
import Testing

/// Whiteout entries through SafeExtractor in each WhiteoutMode.
@Suite struct LayerWhiteoutTests {
    static let layer: [(TarEntry, [UInt8])] = [
        (TarEntry(name: ".wh.del"), []),
        (TarEntry(name: ".wh.deldir"), []),
        (TarEntry(name: ".wh.nothing-there"), []),
        (TarEntry(name: "a"), Array("now a file".utf8)),
        (TarEntry(name: "opq/", type: .directory, mode: 0o750), []),
        (TarEntry(name: "opq/-early"), Array("early".utf8)),
        (TarEntry(name: "opq/.wh..wh..opq"), []),
        (TarEntry(name: "opq/keepsub/", type: .directory), []),
        (TarEntry(name: "opq/keepsub/n2"), Array("n2".utf8)),
        (TarEntry(name: "opq/new"), Array("new".utf8)),
    ]

    @Test(arguments: [
        (".wh.name", Whiteout.remove(name: "name")),
        (".wh..wh..opq", Whiteout.opaque),
        (".wh..wh.plnk", Whiteout.metadata(name: ".wh..wh.plnk")),
        (".wh.", Whiteout.invalid),
        (".wh..", Whiteout.invalid),
    ])
    func classifiesNames(name: String, expected: Whiteout) {
        #expect(Whiteout(baseName: name) == expected)
    }

    @Test func ordinaryNamesAreNotWhiteouts() {
        #expect(Whiteout(baseName: "file") == nil)
        #expect(Whiteout(baseName: ".whx") == nil)
        #expect(Whiteout.fileName(deleting: "x") == ".wh.x")
    }

    @Test func applyModeDeletesAndEmptiesOpaqueDirectories() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        for path in ["a/x", "a/y", "keep", "del", "deldir/sub/f", "opq/old", "opq/keepsub/old2", "opq/olddir/f"] {
            try LayerFixture.write(root + "/" + path, path)
        }
        let report = try Archive.extract(try Archive.write(Self.layer), into: root, options: .layer(whiteouts: .apply))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(listTree(root) == ["a", "keep", "opq", "opq/-early", "opq/keepsub", "opq/keepsub/n2", "opq/new"])
        #expect(contents(root + "/a") == Array("now a file".utf8))
        #expect(contents(root + "/opq/new") == Array("new".utf8))
        #expect(lstatPath(root + "/opq").map { $0.st_mode & 0o7777 } == 0o750)
    }

    @Test func applyModeStaysInsideTheRoot() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        let outside = try temp.sub("outside")
        try LayerFixture.write(outside + "/victim", "still here")
        try FileManager.default.createSymbolicLink(atPath: root + "/evil", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/rel", withDestinationPath: "../outside")
        let bytes = try Archive.write([
            (TarEntry(name: "evil/.wh.victim"), []),
            (TarEntry(name: "rel/.wh.victim"), []),
            (TarEntry(name: "rel/.wh..wh..opq"), []),
            (TarEntry(name: ".wh.."), []),
        ])
        let report = try Archive.extract(bytes, into: root, options: .layer(whiteouts: .apply))
        #expect(contents(outside + "/victim") == Array("still here".utf8))
        #expect(report.warnings.count == 1)
        // The symlinks themselves are the root's own files and stay.
        #expect(listTree(root) == ["evil", "rel"])
    }

    @Test func whiteoutOfASymlinkRemovesTheLinkNotItsTarget() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        let outside = try temp.sub("outside")
        try LayerFixture.write(outside + "/victim", "still here")
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        _ = try Archive.extract(try Archive.write([(TarEntry(name: ".wh.link"), [])]), into: root, options: .layer(whiteouts: .apply))
        #expect(listTree(root).isEmpty)
        #expect(contents(outside + "/victim") == Array("still here".utf8))
    }

    @Test func preserveModeWritesWhiteoutsAsFiles() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        try LayerFixture.write(root + "/del", "x")
        _ = try Archive.extract(try Archive.write(Self.layer), into: root)
        #expect(listTree(root).contains(".wh.del"))
        #expect(listTree(root).contains("opq/.wh..wh..opq"))
        #expect(listTree(root).contains("del"))
    }

    @Test(.enabled(if: getuid() == 0, "needs root for mknod and trusted xattrs"))
    func overlayModeMakesDevicesAndOpaqueXattrs() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        guard LayerFixture.requireTrustedXattrs(temp, test: #function) else { return }
        let root = try temp.sub("root")
        let report = try Archive.extract(try Archive.write(Self.layer), into: root, options: .layer())
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        for name in ["del", "deldir", "nothing-there"] {
            let info = try #require(lstatPath(root + "/" + name))
            #expect(info.st_mode & S_IFMT == S_IFCHR)
            #expect(info.st_rdev == 0)
        }
        #expect(LayerFixture.xattr(root + "/opq", "trusted.overlay.opaque") == [UInt8(ascii: "y")])
        #expect(LayerFixture.xattr(root + "/opq/keepsub", "trusted.overlay.opaque") == nil)
        #expect(!listTree(root).contains { $0.contains(".wh.") })
        #expect(contents(root + "/opq/new") == Array("new".utf8))
    }

    @Test(.enabled(if: getuid() == 0, "needs root for trusted xattrs"))
    func layersCannotPlantOverlayXattrs() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        guard LayerFixture.requireTrustedXattrs(temp, test: #function) else { return }
        let root = try temp.sub("root")
        let bytes = try Archive.write([
            (TarEntry(name: "dir/", type: .directory, xattrs: ["trusted.overlay.redirect": Array("/etc".utf8)]), []),
        ])
        for mode in [WhiteoutMode.overlay, .apply] {
            let report = try Archive.extract(bytes, into: root, options: .layer(whiteouts: mode))
            #expect(report.warnings.count == 1)
            #expect(LayerFixture.xattr(root + "/dir", "trusted.overlay.redirect") == nil)
        }
    }
}
