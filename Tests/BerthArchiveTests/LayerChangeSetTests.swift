import BerthArchive
import Foundation
import Testing

/// ChangeSet: `docker diff` between two plain trees.
@Suite struct LayerChangeSetTests {
    @Test func listsAddedChangedAndDeletedLikeDockerDiff() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let old = try temp.sub("old")
        let new = try temp.sub("new")
        for root in [old, new] {
            for path in ["a", "b/c", "b/keep", "same", "d/e", "m/n/o"] { try LayerFixture.write(root + "/" + path, "1") }
            try FileManager.default.createSymbolicLink(atPath: root + "/l", withDestinationPath: root == old ? "x" : "y")
            LayerFixture.setTimes(under: root, seconds: 1_000)
        }
        try LayerFixture.write(new + "/a", "longer")
        try FileManager.default.removeItem(atPath: new + "/b/c")
        try FileManager.default.removeItem(atPath: new + "/d")
        try LayerFixture.write(new + "/f", "new")
        try LayerFixture.write(new + "/g/h", "new")
        chmod(new + "/m/n/o", 0o600)
        var later = [timespec(tv_sec: 2_000, tv_nsec: 0), timespec(tv_sec: 2_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, new + "/m", &later, 0) == 0)  // A directory's mtime alone is no change.
        let changes = try ChangeSet.changes(from: old, to: new).map(\.description)
        #expect(changes == ["C /a", "C /b", "D /b/c", "D /d", "A /f", "A /g", "A /g/h", "C /l", "C /m", "C /m/n", "C /m/n/o"])
        LayerFixture.setTimes(under: new + "/m", seconds: 1_000)
        chmod(new + "/m/n/o", 0o644)
        #expect(try ChangeSet.changes(from: old, to: new).map(\.path) == ["/a", "/b", "/b/c", "/d", "/f", "/g", "/g/h", "/l"])
    }

    @Test func identicalTreesHaveNoChanges() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let old = try temp.sub("old")
        let new = try temp.sub("new")
        for root in [old, new] {
            try LayerFixture.write(root + "/x/y", "same")
            LayerFixture.setTimes(under: root, seconds: 5)
        }
        #expect(try ChangeSet.changes(from: old, to: new).isEmpty)
    }
}
