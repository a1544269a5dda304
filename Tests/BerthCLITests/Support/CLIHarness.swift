import BerthTestSupport
import Foundation
import Glibc

/// A real berthd on a private socket and data root, plus the `berth` binary
/// built beside the test runner, for root integration tests. Everything is
/// removed when the harness goes away: containers (`berth rm -f`), the
/// daemon (SIGTERM, then SIGKILL) and the temp directory.
final class CLIHarness: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let directory: String
    let socketPath: String
    let daemon: BackgroundProcess

    /// The build directory holding berth, berthd, berth-shim and berth-runtime.
    static var buildDirectory: String {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var url = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // swift test runs an .xctest bundle inside the build directory.
        while !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("berthd").path), url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url.path
    }

    static var berthPath: String { buildDirectory + "/berth" }

    /// The package root (for scripts/make-busybox-rootfs).
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Why root tests cannot run here, or nil when they can.
    static var skipReason: String? {
        if getuid() != 0 { return "not root: berthd needs root for namespaces, mounts and cgroups" }
        if !FileManager.default.isExecutableFile(atPath: berthPath) { return "berth not built at \(berthPath)" }
        if !FileManager.default.isExecutableFile(atPath: buildDirectory + "/berthd") { return "berthd not built" }
        return nil
    }

    init() throws {
        directory = "/tmp/bcli-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        socketPath = directory + "/b.sock"
        daemon = try BackgroundProcess(
            [Self.buildDirectory + "/berthd", "--host", "unix://" + socketPath, "--data-root", directory + "/root"],
            logPath: directory + "/berthd.log")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if !daemon.isRunning { throw Failure(description: "berthd exited early: \(daemon.log)") }
            if let response = try? RawHTTPClient(socketPath: socketPath).request("GET", "/_ping"), response.status == 200 { return }
            usleep(20_000)
        }
        throw Failure(description: "berthd did not serve in time: \(daemon.log)")
    }

    deinit {
        let ids = berth(["ps", "-aq", "--no-trunc"]).stdout.split(separator: "\n").map(String.init)
        if !ids.isEmpty { _ = berth(["rm", "-f"] + ids) }
        daemon.stop()
        _ = SpawnedCommand.run(["umount", "-R", "-l", directory + "/root"], timeout: 10)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs the berth CLI against this daemon.
    @discardableResult
    func berth(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 60) -> SpawnedResult {
        SpawnedCommand.run([Self.berthPath] + arguments, stdin: stdin, environment: ["BERTH_HOST": "unix://" + socketPath], timeout: timeout)
    }

    /// Builds a busybox rootfs tarball and imports it with `berth import` as `name`.
    func importBusybox(as name: String = "busybox") throws {
        let rootfs = directory + "/bb"
        let tarball = directory + "/bb.tar"
        let made = SpawnedCommand.run(["sh", Self.packageRoot + "/scripts/make-busybox-rootfs", rootfs])
        guard made.status == 0 else { throw Failure(description: "make-busybox-rootfs: \(made.stderr)") }
        let packed = SpawnedCommand.run(["tar", "-C", rootfs, "-cf", tarball, "."])
        guard packed.status == 0 else { throw Failure(description: "tar: \(packed.stderr)") }
        let imported = berth(["import", tarball, name])
        guard imported.status == 0, imported.stdout.hasPrefix("sha256:") else {
            throw Failure(description: "berth import: \(imported.status) \(imported.stdout) \(imported.stderr)")
        }
    }

    /// Polls `condition` for up to `timeout` seconds.
    func eventually(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}
