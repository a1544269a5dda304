import BerthTestSupport
import Foundation
import LinuxSys

/// Drives the real berth-shim and berth-runtime binaries against busybox
/// bundles in a private directory, and removes every shim, container, file
/// and cgroup it made.
final class ShimHarness {
    static var isRoot: Bool { getuid() == 0 }

    /// The repository root, from this file's (symlink-resolved) path.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// $BERTH_RUNTIME, else berth-runtime next to the test bundle.
    static let runtimePath: String = ProcessInfo.processInfo.environment["BERTH_RUNTIME"] ?? sibling("berth-runtime")

    /// $BERTH_SHIM, else berth-shim next to the test bundle.
    static let shimPath: String = ProcessInfo.processInfo.environment["BERTH_SHIM"] ?? sibling("berth-shim")

    /// A product built beside the test bundle (.build/<config>/NAME).
    static func sibling(_ name: String) -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/" + name
    }

    /// The cgroup parent every test container lives under.
    static let cgroupParent = "/berth-shim-test"

    /// One busybox rootfs shared by every bundle; removed at exit with the cgroup parent.
    static let sharedRootfs: String = {
        let directory = NSTemporaryDirectory() + "berth-shim-rootfs-\(getpid())"
        let status = shell([repositoryRoot + "/scripts/make-busybox-rootfs", directory + "/rootfs"]).status
        precondition(status == 0, "make-busybox-rootfs failed")
        atexit {
            ShimHarness.shell(["rm", "-rf", NSTemporaryDirectory() + "berth-shim-rootfs-\(getpid())"])
            for hierarchy in (try? FileManager.default.contentsOfDirectory(atPath: "/sys/fs/cgroup")) ?? [] {
                rmdir("/sys/fs/cgroup/\(hierarchy)\(ShimHarness.cgroupParent)")
            }
            rmdir("/sys/fs/cgroup\(ShimHarness.cgroupParent)")
        }
        return directory + "/rootfs"
    }()

    let workDirectory: String
    let id: String
    var runtimeRoot: String { workDirectory + "/runtime" }
    var stateDirectory: String { workDirectory + "/state" }
    var logPath: String { workDirectory + "/log/container.log" }
    var bundle: String { workDirectory + "/bundle" }

    init() {
        let suffix = UUID().uuidString.prefix(12).lowercased()
        id = "shim-\(suffix)"
        workDirectory = NSTemporaryDirectory() + "berth-shim-\(getpid())-\(suffix)"
        try? FileManager.default.createDirectory(atPath: workDirectory + "/bundle", withIntermediateDirectories: true)
    }

    /// Writes bundle/config.json from `berth-runtime spec` with `args`, then `edit`.
    func makeBundle(args: [String], terminal: Bool = false, edit: (inout [String: Any]) -> Void = { _ in }) throws {
        let generated = Self.shell([Self.runtimePath, "spec", "--bundle", bundle])
        guard generated.status == 0 else { throw HarnessError("spec: \(generated.stderr)") }
        let path = bundle + "/config.json"
        guard var config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any],
            var process = config["process"] as? [String: Any], var linux = config["linux"] as? [String: Any]
        else { throw HarnessError("unexpected config.json") }
        process["args"] = args
        process["terminal"] = terminal
        config["process"] = process
        config["root"] = ["path": Self.sharedRootfs, "readonly": false]
        linux["cgroupsPath"] = Self.cgroupParent + "/" + id
        config["linux"] = linux
        edit(&config)
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: path))
    }

    /// The shim's standard arguments plus `extra`.
    func shimArguments(_ extra: [String] = [], runtime: String = ShimHarness.runtimePath) -> [String] {
        [
            "--id", id, "--bundle", bundle, "--runtime", runtime, "--runtime-root", runtimeRoot,
            "--state-dir", stateDirectory, "--log-path", logPath,
        ] + extra
    }

    /// Runs the shim's starter to completion.
    @discardableResult
    func startShim(_ extra: [String] = [], runtime: String = ShimHarness.runtimePath) -> CommandResult {
        Self.shell([Self.shimPath] + shimArguments(extra, runtime: runtime))
    }

    /// The running shim's pid, from shim.pid.
    var shimPID: pid_t? {
        guard let text = try? String(contentsOfFile: stateDirectory + "/shim.pid", encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Sends one request line on shim.sock and returns the reply line (nil on timeout or error).
    func request(_ line: String, timeout: Double = 30) -> String? {
        guard let fd = try? Terminal.connectUnix(stateDirectory + "/shim.sock") else { return nil }
        defer { fd.close() }
        guard (try? fd.writeAll(line + "\n")) != nil else { return nil }
        var reply: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var byte: UInt8 = 0
        while Date() < deadline {
            var descriptor = pollfd(fd: fd.rawValue, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) <= 0 { continue }
            if Glibc.read(fd.rawValue, &byte, 1) != 1 { return nil }
            if byte == 0x0a { return String(decoding: reply, as: UTF8.self) }
            reply.append(byte)
        }
        return nil
    }

    /// A reply parsed as a JSON object.
    func requestJSON(_ line: String, timeout: Double = 30) -> [String: Any]? {
        guard let reply = request(line, timeout: timeout) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(reply.utf8))) as? [String: Any]
    }

    /// The log's records, parsed, oldest first across rotated files.
    func logRecords(path: String? = nil) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path ?? logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// Pids of processes whose command line mentions `text`.
    static func processes(mentioning text: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), pid != getpid(),
                let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"),
                String(decoding: data, as: UTF8.self).contains(text)
            else { return nil }
            return pid
        }
    }

    /// Waits until `condition` holds, up to `timeout` seconds.
    @discardableResult
    static func eventually(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// A process's resident set size in KiB (VmRSS).
    static func residentKiB(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    /// Kills the shim and every process naming this container, deletes the
    /// container, removes the work directory and the container's cgroups.
    func cleanUp() {
        for pid in Self.processes(mentioning: id) { kill(pid, SIGKILL) }
        Self.shell([Self.runtimePath, "--root", runtimeRoot, "delete", "--force", id])
        try? FileManager.default.removeItem(atPath: workDirectory)
        for hierarchy in (try? FileManager.default.contentsOfDirectory(atPath: "/sys/fs/cgroup")) ?? [] {
            rmdir("/sys/fs/cgroup/\(hierarchy)\(Self.cgroupParent)/\(id)")
        }
    }

    /// Runs a host command with output captured in files (a created container
    /// may hold inherited pipes open), with a timeout.
    @discardableResult
    static func shell(_ arguments: [String], timeout: TimeInterval = 60) -> CommandResult {
        let result = SpawnedCommand.run(arguments, timeout: timeout)
        return CommandResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}

/// A finished command.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// A harness setup failure.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
