import BerthRuntime
import BerthTestSupport
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

    /// Runs a host command (see `SpawnedCommand`).
    @discardableResult
    static func shell(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 60) -> CommandResult {
        let result = SpawnedCommand.run(arguments, stdin: stdin, timeout: timeout)
        return CommandResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
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
