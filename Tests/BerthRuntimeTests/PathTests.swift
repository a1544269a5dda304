import Glibc
import Testing
@testable import LinuxSys

// Guards the Foundation-free path and file helpers the runtime builds every path with.
@Suite struct PathTests {
    @Test(arguments: [
        ("/a/./b/../c", "/a/c"), ("/../..", "/"), ("a/../..", ".."), ("", "."), ("/", "/"), (".", "."),
        ("//a//b//", "/a/b"), ("a/b/../../..", ".."), ("../a/..", ".."), ("../../x", "../../x"), ("/a/b/../../../c", "/c"),
    ])
    func clean(path: String, expected: String) {
        #expect(Path.clean(path) == expected)
    }

    @Test(arguments: [
        ("/a", "b", "/a/b"), ("/a/", "b", "/a/b"), ("/a", "/b", "/a/b"), ("/a", "//b/c", "/a/b/c"),
        ("/a", "", "/a"), ("/a", "/", "/a"), ("/", "etc", "/etc"),
    ])
    func join(base: String, rest: String, expected: String) {
        #expect(Path.join(base, rest) == expected)
    }

    @Test(arguments: [
        ("/a/b", "/a"), ("/a", "/"), ("/", "/"), ("a", "."), ("a/b", "a"), ("/a/b/", "/a"), ("", "."),
    ])
    func parent(path: String, expected: String) {
        #expect(Path.parent(of: path) == expected)
    }

    @Test func absoluteCleansAbsolutePaths() {
        #expect(Path.absolute("/x/../y/") == "/y")
        #expect(Path.absolute("rel").hasPrefix("/"))
        #expect(Path.absolute("rel").hasSuffix("/rel"))
    }

    @Test func makeDirectoriesWriteReadRemove() throws {
        try withTemporaryDirectory { dir in
            let deep = dir + "/a/b/c"
            try FileSystem.makeDirectories(deep)
            try FileSystem.makeDirectories(deep)  // idempotent
            #expect(FileSystem.isDirectory(deep))

            try FileSystem.writeAtomically(deep + "/file", Array("one".utf8))
            try FileSystem.writeAtomically(deep + "/file", Array("two".utf8), mode: 0o600)
            #expect(try FileSystem.readString(deep + "/file") == "two")
            #expect(try FileSystem.listDirectory(deep) == ["file"])  // no temporary left behind
            #expect((FileSystem.statIfExists(deep + "/file")?.st_mode ?? 0) & 0o777 == 0o600)

            try FileSystem.writeExisting(deep + "/file", "T")
            #expect(try FileSystem.read(deep + "/file") == Array("Two".utf8))  // not truncated

            try FileSystem.removeTree(dir + "/a")
            #expect(!FileSystem.exists(dir + "/a"))
            try FileSystem.removeTree(dir + "/a")  // missing is fine
        }
    }

    @Test func makeDirectoriesOverFileFails() throws {
        try withTemporaryDirectory { dir in
            try FileSystem.write(dir + "/f", [])
            #expect(throws: SystemError("mkdir", dir + "/f", errno: EEXIST)) { try FileSystem.makeDirectories(dir + "/f") }
            #expect(throws: SystemError.self) { try FileSystem.makeDirectories(dir + "/f/g") }
        }
    }

    @Test func removeTreeDoesNotFollowSymlinks() throws {
        try withTemporaryDirectory { dir in
            try FileSystem.makeDirectories(dir + "/outside")
            try FileSystem.write(dir + "/outside/keep", [1])
            try FileSystem.makeDirectories(dir + "/tree")
            try FileSystem.symlink(target: dir + "/outside", at: dir + "/tree/link")
            #expect(try FileSystem.readLink(dir + "/tree/link") == dir + "/outside")
            try FileSystem.removeTree(dir + "/tree")
            #expect(!FileSystem.exists(dir + "/tree"))
            #expect(try FileSystem.read(dir + "/outside/keep") == [1])
        }
    }

    @Test func readMissingFileNamesPath() throws {
        try withTemporaryDirectory { dir in
            #expect(throws: SystemError("open", dir + "/none", errno: ENOENT)) { try FileSystem.read(dir + "/none") }
        }
    }

    @Test
    func writeAtomicallyFailureCleansUp() throws {
        try withTemporaryDirectory { dir in
            try FileSystem.makeDirectories(dir + "/target/child")
            #expect(throws: SystemError.self) { try FileSystem.writeAtomically(dir + "/target", [1]) }
            #expect(try FileSystem.listDirectory(dir) == ["target"])
        }
    }
}
