import Foundation
import Testing

/// The image commands of the stock docker CLI against a real berthd: import,
/// images, tag, history, inspect, save, rmi, load — and their errors.
@Suite(.enabled(if: getuid() == 0, "needs root: layers keep file owners"))
struct ImageCommandsRootTests {
    /// A busybox rootfs tar (scripts/make-busybox-rootfs + GNU tar).
    func rootfsTar(in directory: TemporaryDirectory) throws -> String {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { repository.deleteLastPathComponent() }
        let rootfs = directory.path + "/rootfs"
        #expect(try runCommand(repository.path + "/scripts/make-busybox-rootfs", [rootfs]).status == 0)
        let tar = directory.path + "/rootfs.tar"
        #expect(try runCommand("/bin/tar", ["-C", rootfs, "-cf", tar, "."]).status == 0)
        return tar
    }

    @Test func importTagHistorySaveRemoveLoad() throws {
        let daemon = try DaemonProcess(arguments: [])
        defer { daemon.kill() }
        try daemon.waitUntilServing()
        let work = try TemporaryDirectory(prefix: "berth-images")
        let tar = try rootfsTar(in: work)
        let socket = daemon.socketPath

        let imported = try docker(["import", "-c", "CMD [\"sh\"]", "-m", "from the test", tar, "busybox"], socket: socket)
        #expect(imported.status == 0, "\(imported.stderr)")
        let id = imported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("sha256:"))
        #expect(try docker(["tag", "busybox", "mybox:v1"], socket: socket).status == 0)
        let images = try docker(["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"], socket: socket)
        #expect(images.stdout.contains("busybox:latest \(id.dropFirst(7).prefix(12))"), "\(images.stdout)")
        #expect(images.stdout.contains("mybox:v1"))
        let history = try docker(["history", "--format", "{{.Comment}}", "busybox"], socket: socket)
        #expect(history.stdout.contains("from the test"), "\(history.stdout) \(history.stderr)")
        let inspect = try docker(["image", "inspect", "--format", "{{.Id}} {{.Config.Cmd}}", "mybox:v1"], socket: socket)
        #expect(inspect.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(id) [sh]", "\(inspect.stderr)")

        let archive = work.path + "/saved.tar"
        #expect(try docker(["save", "-o", archive, "busybox"], socket: socket).status == 0)
        let removed = try docker(["rmi", "busybox", "mybox:v1"], socket: socket)
        #expect(removed.stdout.contains("Untagged: busybox:latest") && removed.stdout.contains("Deleted: \(id)"), "\(removed.stdout)")
        #expect(try docker(["images", "-q"], socket: socket).stdout.isEmpty)
        let loaded = try docker(["load", "-i", archive], socket: socket)
        #expect(loaded.stdout.contains("Loaded image: busybox:latest"), "\(loaded.stdout) \(loaded.stderr)")
        #expect(try docker(["image", "inspect", "--format", "{{.Id}}", "busybox"], socket: socket).stdout.contains(id))

        // Errors come back as dockerd words them, and change nothing.
        let missing = try docker(["rmi", "nosuch"], socket: socket)
        #expect(missing.status != 0 && missing.stderr.contains("No such image: nosuch:latest"), "\(missing.stderr)")
        let badTag = try docker(["tag", "busybox", "Bad:Name"], socket: socket)
        #expect(badTag.status != 0)
        let corrupt = work.path + "/corrupt.tar"
        try Data("not a tar at all".utf8).write(to: URL(fileURLWithPath: corrupt))
        let badLoad = try docker(["load", "-i", corrupt], socket: socket)
        #expect(badLoad.status != 0, "\(badLoad.stdout)")
        #expect(try docker(["images", "-q"], socket: socket).stdout.split(separator: "\n").count == 1)
    }
}
