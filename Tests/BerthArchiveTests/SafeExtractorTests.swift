import BerthArchive
import CLinuxSys
import Foundation
import Testing

@Suite struct SafeExtractorTests {
    static let time = TarTimestamp(seconds: 1_500_000_000, nanoseconds: 5)

    @Test func extractsEveryKindOfFile() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        let bytes = try Archive.write([
            (TarEntry(name: "etc/", type: .directory, mode: 0o750, modificationTime: Self.time), []),
            (TarEntry(name: "etc/motd", mode: 0o604, modificationTime: Self.time, xattrs: ["user.berth": Array("1".utf8)]), Array("hi\n".utf8)),
            (TarEntry(name: "etc/link", type: .symbolicLink, linkName: "motd"), []),
            (TarEntry(name: "etc/hard", type: .hardLink, linkName: "etc/motd"), []),
            (TarEntry(name: "run/pipe", type: .fifo, mode: 0o620), []),
            (TarEntry(name: "implicit/parent/file"), Array("x".utf8)),
        ], subsecond: true)
        let report = try Archive.extract(bytes, into: root)
        #expect(report.extracted == 6)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(contents(root + "/etc/motd") == Array("hi\n".utf8))
        let motd = try #require(lstatPath(root + "/etc/motd"))
        #expect(motd.st_mode & 0o7777 == 0o604)
        #expect(motd.st_mtim.tv_sec == 1_500_000_000 && motd.st_mtim.tv_nsec == 5)
        #expect(motd.st_nlink == 2)
        #expect(lstatPath(root + "/etc/hard")?.st_ino == motd.st_ino)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/etc/link") == "motd")
        #expect(lstatPath(root + "/run/pipe").map { $0.st_mode & S_IFMT } == S_IFIFO)
        #expect(lstatPath(root + "/run/pipe").map { $0.st_mode & 0o7777 } == 0o620)
        // Directory mode and times are applied after its contents were created.
        let etc = try #require(lstatPath(root + "/etc"))
        #expect(etc.st_mode & 0o7777 == 0o750)
        #expect(etc.st_mtim.tv_sec == 1_500_000_000)
        var value = [UInt8](repeating: 0, count: 8)
        #expect(berth_lgetxattr(root + "/etc/motd", "user.berth", &value, value.count) == 1)
        #expect(contents(root + "/implicit/parent/file") == Array("x".utf8))
    }

    @Test func laterEntriesReplaceEarlierOnes() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        let bytes = try Archive.write([
            (TarEntry(name: "a", type: .symbolicLink, linkName: "b"), []),
            (TarEntry(name: "a"), Array("file now".utf8)),
            (TarEntry(name: "d/", type: .directory), []),
            (TarEntry(name: "d/", type: .directory, mode: 0o700), []),
        ])
        _ = try Archive.extract(bytes, into: root)
        #expect(contents(root + "/a") == Array("file now".utf8))
        #expect(lstatPath(root + "/d").map { $0.st_mode & 0o7777 } == 0o700)
    }

    @Test(.enabled(if: getuid() == 0, "needs root for chown and mknod"))
    func rootAppliesOwnershipAndDevices() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = try temp.sub("root")
        let bytes = try Archive.write([
            (TarEntry(name: "owned", uid: 1234, gid: 5678), Array("o".utf8)),
            (TarEntry(name: "ownlink", type: .symbolicLink, linkName: "owned", uid: 4321, gid: 8765), []),
            (TarEntry(name: "dev/null", type: .characterDevice(major: 1, minor: 3), mode: 0o666), []),
            (TarEntry(name: "dev/loop9", type: .blockDevice(major: 7, minor: 9), mode: 0o660), []),
            (TarEntry(name: "setuid", mode: 0o4755, uid: 1000), []),
        ])
        let report = try Archive.extract(bytes, into: root, options: ExtractionOptions(preservesOwnership: true))
        let owned = try #require(lstatPath(root + "/owned"))
        #expect(owned.st_uid == 1234 && owned.st_gid == 5678)
        let ownlink = try #require(lstatPath(root + "/ownlink"))
        #expect(ownlink.st_uid == 4321 && ownlink.st_gid == 8765)
        #expect(lstatPath(root + "/setuid").map { $0.st_mode & 0o7777 } == 0o4755)
        if report.warnings.isEmpty {
            let null = try #require(lstatPath(root + "/dev/null"))
            #expect(null.st_mode & S_IFMT == S_IFCHR)
            #expect(berth_major(null.st_rdev) == 1 && berth_minor(null.st_rdev) == 3)
            #expect(lstatPath(root + "/dev/loop9").map { $0.st_mode & S_IFMT } == S_IFBLK)
        } else {
            // In a user namespace mknod is refused: the devices are reported, not fatal.
            #expect(report.warnings.allSatisfy { $0.entry.hasPrefix("dev/") })
        }
    }
}
