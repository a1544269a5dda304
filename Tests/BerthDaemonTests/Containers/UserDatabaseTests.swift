import Foundation
import Testing

@testable import BerthDaemon
import LinuxSys

/// `-u` and `--group-add` resolve as runc/dockerd resolve them, from an image's own files.
@Suite struct UserDatabaseTests {
    static let database = UserDatabase(
        passwd: """
        root:x:0:0:root:/root:/bin/sh
        # a comment
        daemon:x:1:1:daemon:/usr/sbin:/bin/false
        nobody:x:65534:65534:nobody:/nonexistent:/bin/false
        app:x:1000:1000::/home/app:/bin/sh
        """,
        group: """
        root:x:0:
        daemon:x:1:app
        wheel:x:10:app,root
        app:x:1000:
        nogroup:x:65534:
        """)

    struct Case: Sendable, CustomStringConvertible {
        let user: String
        let groupAdd: [String]
        let uid: UInt32
        let gid: UInt32
        let gids: [UInt32]
        let home: String
        var description: String { "\(user) +\(groupAdd)" }
    }

    @Test(arguments: [
        Case(user: "", groupAdd: [], uid: 0, gid: 0, gids: [0, 10], home: "/root"),
        Case(user: "app", groupAdd: [], uid: 1000, gid: 1000, gids: [1000, 1, 10], home: "/home/app"),
        Case(user: "app:nogroup", groupAdd: [], uid: 1000, gid: 65534, gids: [65534], home: "/home/app"),
        Case(user: "1000", groupAdd: [], uid: 1000, gid: 1000, gids: [1000, 1, 10], home: "/home/app"),
        Case(user: "1000:1000", groupAdd: [], uid: 1000, gid: 1000, gids: [1000], home: "/home/app"),
        Case(user: "4242", groupAdd: [], uid: 4242, gid: 0, gids: [0], home: "/"),
        Case(user: "4242:4343", groupAdd: [], uid: 4242, gid: 4343, gids: [4343], home: "/"),
        Case(user: "nobody", groupAdd: ["daemon", "77"], uid: 65534, gid: 65534, gids: [65534, 1, 77], home: "/nonexistent"),
    ])
    func resolves(_ example: Case) throws {
        let resolved = try Self.database.resolve(example.user, groupAdd: example.groupAdd)
        #expect(resolved == ResolvedUser(uid: example.uid, gid: example.gid, additionalGids: example.gids, home: example.home))
    }

    @Test(arguments: [
        ("nosuch", [String](), "unable to find user nosuch: no matching entries in passwd file"),
        ("app:nosuchgroup", [], "unable to find group nosuchgroup: no matching entries in group file"),
        ("app", ["ghosts"], "Unable to find group ghosts: no matching entries in group file"),
        ("-5", [], "unable to find user -5: no matching entries in passwd file"),
    ])
    func refuses(_ user: String, _ groupAdd: [String], _ message: String) {
        #expect(throws: UserResolutionError(description: message)) { try Self.database.resolve(user, groupAdd: groupAdd) }
    }

    @Test func anImageWithoutPasswdOnlyTakesNumbers() throws {
        let empty = UserDatabase(passwd: nil, group: nil)
        #expect(try empty.resolve("123:456").uid == 123)
        #expect(throws: UserResolutionError.self) { try empty.resolve("nobody") }
    }

    /// The image's /etc/passwd is read inside its root: a symlink out of it is
    /// resolved within the root, never on the host.
    @Test func readsInsideTheRootOnly() throws {
        let work = try TemporaryDirectory(prefix: "berth-inroot")
        let root = work.path + "/root"
        try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
        try "secret:x:0:0::/:/bin/sh\n".write(toFile: work.path + "/host-passwd", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/etc/passwd", withDestinationPath: work.path + "/host-passwd")
        try FileManager.default.createSymbolicLink(atPath: root + "/etc/group", withDestinationPath: "../../../../../etc/hostname")
        #expect(try FileSystem.readInRoot(root, "/etc/passwd") == nil)
        #expect(try FileSystem.readInRoot(root, "/etc/group") == nil)
        try "mine:x:7:7::/:/bin/sh\n".write(toFile: root + "/etc/real", atomically: true, encoding: .utf8)
        #expect(try FileSystem.readInRoot(root, "etc/../etc/real").map { String(decoding: $0, as: UTF8.self) } == "mine:x:7:7::/:/bin/sh\n")
    }
}
