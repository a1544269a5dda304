import BerthRuntime
import Foundation
import OCI

/// Drives a real berth-runtime (or runc) binary against real bundles, in a
/// private state root, and cleans up every container it made.
struct RuntimeHarness {
    /// Which binary: berth-runtime from this build, or runc for conformance.
    let binary: String
    let stateRoot: String
    let workDirectory: String

    static var isRoot: Bool { getuid() == 0 }

    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// berth-runtime next to the test bundle (.build/<config>/berth-runtime).
    static let berthRuntimePath: String = {
        if let explicit = ProcessInfo.processInfo.environment["BERTH_RUNTIME"] { return explicit }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("berth-runtime").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/berth-runtime"
    }()

    static let runcPath: String? = ["/usr/sbin/runc", "/usr/bin/runc"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One busybox rootfs shared (read-only by convention) by every test bundle.
    static let sharedRootfs: String = {
        let directory = NSTemporaryDirectory() + "berth-it-rootfs-\(getpid())"
        let status = shell([repositoryRoot + "/scripts/make-busybox-rootfs", directory + "/rootfs"]).status
        precondition(status == 0, "make-busybox-rootfs failed")
        // Swift Testing has no global teardown: remove it, and the parent
        // cgroups the tests used, when the test process exits.
        atexit {
            RuntimeHarness.shell(["rm", "-rf", NSTemporaryDirectory() + "berth-it-rootfs-\(getpid())"])
            for hierarchy in (try? FileManager.default.contentsOfDirectory(atPath: "/sys/fs/cgroup")) ?? [] {
                rmdir("/sys/fs/cgroup/\(hierarchy)/berth-test")
            }
        }
        return directory + "/rootfs"
    }()

    init(binary: String = RuntimeHarness.berthRuntimePath, name: String = #function) {
        self.binary = binary
        let base = NSTemporaryDirectory() + "berth-it-\(getpid())-\(UUID().uuidString.prefix(8))"
        stateRoot = base + "/state"
        workDirectory = base
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    }

    /// A fresh container id.
    func newID(_ prefix: String = "t") -> String { "\(prefix)-\(UUID().uuidString.prefix(12).lowercased())" }

    /// Writes a bundle: Docker-like defaults, the shared rootfs (or a private
    /// copy), then `edit` for the test's changes. Returns its directory.
    func makeBundle(args: [String], privateRootfs: Bool = false, edit: (inout Spec) -> Void = { _ in }) throws -> String {
        let bundle = workDirectory + "/bundle-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        var rootfs = Self.sharedRootfs
        if privateRootfs {
            rootfs = bundle + "/rootfs"
            let copy = Self.shell(["cp", "-a", Self.sharedRootfs, rootfs])
            precondition(copy.status == 0)
        }
        var spec = DefaultSpec.make(args: args, rootfs: rootfs)
        spec.linux?.cgroupsPath = "/berth-test/" + URL(fileURLWithPath: bundle).lastPathComponent
        edit(&spec)
        try writeConfig(spec, to: bundle)
        return bundle
    }

    func writeConfig(_ spec: Spec, to bundle: String) throws {
        var encoder = JSONValueEncoder()
        encoder.pretty = true
        try Data(encoder.encode(spec)).write(to: URL(fileURLWithPath: bundle + "/config.json"))
    }

    /// Runs the runtime with `arguments` after the global --root.
    @discardableResult
    func runtime(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 60) -> CommandResult {
        Self.shell([binary, "--root", stateRoot] + arguments, stdin: stdin, timeout: timeout)
    }

    /// `run` a bundle to completion: exit status, stdout, stderr.
    func run(_ bundle: String, id: String? = nil) -> CommandResult {
        runtime(["run", "--bundle", bundle, id ?? newID()])
    }

    /// Runs a host command, capturing output in files (not pipes: a created
    /// container inherits the runtime's stdio and would hold a pipe open), with
    /// a timeout. posix_spawn + waitpid rather than Foundation's Process, whose
    /// child reaping proved unreliable with many short-lived children.
    @discardableResult
    static func shell(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 60) -> CommandResult {
        let base = NSTemporaryDirectory() + "berth-it-out-\(UUID().uuidString)"
        let outPath = base + ".out", errPath = base + ".err", inPath = base + ".in"
        defer { for path in [outPath, errPath, inPath] { unlink(path) } }
        guard FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data()) else {
            return CommandResult(status: -1, stdout: "", stderr: "cannot create \(inPath)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { return CommandResult(status: -1, stdout: "", stderr: "spawn \(arguments[0]): \(spawned)") }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(1_000)
        }
        let code: Int32 = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return CommandResult(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Deletes every container left in the state root, then the work directory.
    func cleanUp() {
        let ids = runtime(["list", "-q"]).stdout.split(separator: "\n").map(String.init)
        for id in ids { runtime(["delete", "--force", id]) }
        try? FileManager.default.removeItem(atPath: workDirectory)
    }

    /// Cgroup directories under /berth-test in any v1 hierarchy (should be none after cleanup).
    static func leftoverCgroups(named name: String) -> [String] {
        let hierarchies = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/fs/cgroup")) ?? []
        return hierarchies.map { "/sys/fs/cgroup/\($0)/berth-test/\(name)" }.filter { FileManager.default.fileExists(atPath: $0) }
    }
}

/// A finished command.
struct CommandResult: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Bytes filled in by one reader thread and read after it finished (the
/// DispatchGroup orders the accesses).
final class DataBox: @unchecked Sendable {
    var data = Data()
}
