import BerthTestSupport
import Foundation
import Glibc

/// A berthd with a busybox image, for container tests. `close()` removes
/// every container through the API, stops the daemon, and then — whatever
/// went wrong — kills shims and containers still tied to the data root and
/// unmounts what is left under it.
final class ContainerTestBed: @unchecked Sendable {
    private(set) var daemon: DaemonProcess
    let work: TemporaryDirectory
    var socket: String { daemon.socketPath }

    init(arguments: [String] = []) throws {
        daemon = try DaemonProcess(arguments: arguments)
        work = try TemporaryDirectory(prefix: "berth-bed")
        try daemon.waitUntilServing()
        let tar = try ImageCommandsRootTests().rootfsTar(in: work)
        let imported = try BerthDaemonTests.docker(["import", "-c", "CMD [\"sh\"]", tar, "busybox"], socket: daemon.socketPath)
        guard imported.status == 0 else { throw DaemonProcess.Failure(description: "import failed: \(imported.stderr)") }
    }

    /// Runs the docker CLI against this daemon.
    @discardableResult
    func docker(_ arguments: [String]) throws -> CommandResult { try BerthDaemonTests.docker(arguments, socket: socket) }

    /// Runs the docker CLI with `input` on its stdin (posix_spawn, output in files).
    func docker(_ arguments: [String], input: Data) -> SpawnedResult {
        SpawnedCommand.run(["/usr/local/bin/docker"] + arguments, stdin: input,
                           environment: ["DOCKER_HOST": "unix://\(socket)", "DOCKER_CONFIG": work.path + "/cfg"], timeout: 120)
    }

    /// SIGKILLs berthd (containers and shims keep running) and starts a new
    /// one on the same socket and data root.
    func crashAndRestartDaemon() throws {
        daemon.kill()
        daemon = try DaemonProcess(socketPath: daemon.socketPath, dataRoot: daemon.dataRoot, directory: daemon.directory)
        try daemon.waitUntilServing()
    }

    /// Processes whose command line mentions the data root (shims, runtimes).
    func leftoverProcesses() -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), pid != getpid(),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let text = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return text.contains(daemon.dataRoot) && !text.contains("berthd") ? pid : nil
        }
    }

    /// Processes whose command line mentions one of `parts` under the data
    /// root (`/s/`: container shims, `/x/`: exec runtimes).
    func processes(mentioning parts: String...) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let text = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return parts.contains { text.contains(daemon.dataRoot + $0) } ? pid : nil
        }
    }

    /// Mount points under the data root.
    func leftoverMounts() -> [String] {
        let table = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return table.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 4, fields[4].hasPrefix(daemon.dataRoot) else { return nil }
            return String(fields[4])
        }
    }

    func close() {
        if let ids = try? docker(["ps", "-aq"]).stdout.split(separator: "\n").map(String.init), !ids.isEmpty {
            _ = try? docker(["rm", "-f"] + ids)
        }
        daemon.kill()
        for pid in leftoverProcesses() { Glibc.kill(pid, SIGKILL) }
        for mount in leftoverMounts().sorted(by: >) { umount2(mount, Int32(MNT_DETACH)) }
    }
}
