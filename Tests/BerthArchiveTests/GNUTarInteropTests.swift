import BerthArchive
import CLinuxSys
import Foundation
import Testing

/// Archives made by GNU tar read back through TarReader, and TarWriter's output read by GNU tar.
@Suite struct GNUTarInteropTests {
    static let longDirectory = String(repeating: "d", count: 90) + "/" + String(repeating: "e", count: 90)

    /// A small tree with a file, a long name, a symlink, a hard link and an xattr.
    static func makeTree(_ source: String, longName: String) throws {
        try FileManager.default.createDirectory(atPath: source + "/sub", withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: source + "/hello.txt"))
        let long = source + "/" + longName
        try FileManager.default.createDirectory(atPath: (long as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("long\n".utf8).write(to: URL(fileURLWithPath: long))
        try FileManager.default.createSymbolicLink(atPath: source + "/sub/link", withDestinationPath: "../hello.txt")
        try FileManager.default.linkItem(atPath: source + "/hello.txt", toPath: source + "/hard")
        _ = berth_lsetxattr(source + "/hello.txt", "user.berth", "yes", 3, 0)
    }

    @Test(arguments: ["pax", "gnu", "ustar"])
    func readsGNUTarArchives(format: String) throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try temp.sub("src")
        // ustar can only split names up to 255 bytes; pax and gnu take anything.
        let longName = format == "ustar" ? Self.longDirectory + "/f.txt" : Self.longDirectory + "/" + String(repeating: "n", count: 150) + ".txt"
        try Self.makeTree(source, longName: longName)
        let archive = temp.path + "/out.tar"
        var arguments = ["tar", "--format=\(format)", "-cf", archive, "-C", source, "hello.txt", "hard", "sub", longName]
        if format == "pax" { arguments.insert(contentsOf: ["--xattrs", "--xattrs-include=user.*"], at: 1) }
        try run(arguments)

        let entries = try Archive.read(file: archive)
        let byName = Dictionary(entries.map { ($0.0.name.hasSuffix("/") ? String($0.0.name.dropLast()) : $0.0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let hello = try #require(byName["hello.txt"])
        #expect(hello.0.type == .regular)
        #expect(hello.1 == Array("hello\n".utf8))
        #expect(byName["hard"]?.0.type == .hardLink)
        #expect(byName["hard"]?.0.linkName == "hello.txt")
        #expect(byName["sub/link"]?.0.type == .symbolicLink)
        #expect(byName["sub/link"]?.0.linkName == "../hello.txt")
        #expect(byName["sub"]?.0.type == .directory)
        #expect(byName[longName]?.1 == Array("long\n".utf8))
        if format == "pax" {
            #expect(hello.0.xattrs["user.berth"] == Array("yes".utf8))
            #expect(hello.0.modificationTime.nanoseconds != 0 || hello.0.paxRecords["mtime"] != nil)
        }
    }

    @Test func gnuTarReadsOurArchives() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let longName = Self.longDirectory + "/" + String(repeating: "n", count: 150) + ".txt"
        let time = TarTimestamp(seconds: 1_600_000_000, nanoseconds: 250_000_000)
        let entries: [(TarEntry, [UInt8])] = [
            (TarEntry(name: "dir/", type: .directory, mode: 0o755, modificationTime: time), []),
            (TarEntry(name: "dir/file.txt", mode: 0o640, modificationTime: time, xattrs: ["user.berth": Array("ok".utf8)]), Array("contents\n".utf8)),
            (TarEntry(name: longName, modificationTime: time), Array("long\n".utf8)),
            (TarEntry(name: "caf\u{e9}.txt", modificationTime: time), Array("unicode\n".utf8)),
            (TarEntry(name: "dir/link", type: .symbolicLink, linkName: "file.txt", mode: 0o777), []),
            (TarEntry(name: "hard", type: .hardLink, linkName: "dir/file.txt"), []),
        ]
        let archive = temp.path + "/ours.tar"
        try Data(Archive.write(entries, subsecond: true)).write(to: URL(fileURLWithPath: archive))

        let listing = try run(["tar", "-tvf", archive])
        for name in ["dir/file.txt", longName, "caf\u{e9}.txt", "dir/link -> file.txt", "hard link to dir/file.txt"] {
            #expect(listing.contains(name), "listing lacks \(name):\n\(listing)")
        }
        let out = try temp.sub("out")
        try run(["tar", "--xattrs", "--xattrs-include=user.*", "-xf", archive, "-C", out])
        #expect(contents(out + "/dir/file.txt") == Array("contents\n".utf8))
        #expect(contents(out + "/" + longName) == Array("long\n".utf8))
        #expect(contents(out + "/caf\u{e9}.txt") == Array("unicode\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/dir/link") == "file.txt")
        let file = try #require(lstatPath(out + "/dir/file.txt"))
        #expect(file.st_ino == lstatPath(out + "/hard")?.st_ino)
        #expect(file.st_mode & 0o7777 == 0o640)
        #expect(file.st_mtim.tv_sec == 1_600_000_000)
        #expect(file.st_mtim.tv_nsec == 250_000_000)
        var value = [UInt8](repeating: 0, count: 16)
        let length = berth_lgetxattr(out + "/dir/file.txt", "user.berth", &value, value.count)
        #expect(length == 2)
    }
}
