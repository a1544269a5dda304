import Foundation
import Glibc

/// A berthd with the busybox image imported, driven with the stock docker CLI.
/// Whatever a test does, releasing it removes every container (so no shim
/// or container outlives the test), kills the daemon and unmounts anything
/// left below its data root before the temp directory goes.
final class BusyboxDaemon {
    let daemon: DaemonProcess
    let work: TemporaryDirectory

    init(prefix: String) throws {
        daemon = try DaemonProcess(arguments: [])
        work = try TemporaryDirectory(prefix: prefix)
        do {
            try daemon.waitUntilServing()
            let tar = try ImageCommandsRootTests().rootfsTar(in: work)
            let imported = try docker(["import", "-c", "CMD [\"sh\"]", tar, "busybox"], socket: daemon.socketPath)
            guard imported.status == 0 else { throw DaemonProcess.Failure(description: "import: \(imported.stderr)") }
        } catch {
            cleanUp()
            throw error
        }
    }

    deinit { cleanUp() }

    var dataRoot: String { daemon.dataRoot }

    /// Runs `docker ARGS` against this daemon.
    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult { try docker(arguments, socket: daemon.socketPath) }

    /// `docker ARGS`'s stdout, trimmed.
    func output(_ arguments: [String]) throws -> String {
        try run(arguments).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A container's full ID.
    func id(_ name: String) throws -> String { try output(["inspect", "--format", "{{.Id}}", name]) }

    /// Mount points below the data root.
    func mounts() -> [String] {
        let text = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 && fields[4].hasPrefix(daemon.dataRoot) ? String(fields[4]) : nil
        }
    }

    private func cleanUp() {
        if let ids = try? run(["ps", "-aq"]).stdout.split(separator: "\n").map(String.init), !ids.isEmpty {
            _ = try? run(["rm", "-f"] + ids)
        }
        daemon.kill()
        for mount in mounts().sorted().reversed() { umount2(mount, Int32(MNT_DETACH)) }
    }
}
