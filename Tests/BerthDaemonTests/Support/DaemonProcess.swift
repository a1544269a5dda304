import BerthTestSupport
import Foundation
import Glibc

/// A real `berthd` process on a socket and data root in a fresh temp directory.
/// Whatever happens in a test, `stop()`/deinit kill it and the directory goes away.
final class DaemonProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let directory: TemporaryDirectory
    let socketPath: String
    let dataRoot: String
    let logPath: String
    let process = Process()

    /// The berthd binary: `$BERTHD`, else beside the test runner in the build directory.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BERTHD"] { return path }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return ((runner as NSString).deletingLastPathComponent as NSString).appendingPathComponent("berthd")
    }

    /// Starts berthd with `arguments` added after the socket and data-root flags
    /// (`socket`/`dataRoot` may be overridden to share them with another daemon).
    init(
        arguments: [String] = [], socketPath: String? = nil, dataRoot: String? = nil, directory: TemporaryDirectory? = nil
    ) throws {
        let directory = try directory ?? TemporaryDirectory(prefix: "berthd")
        self.directory = directory
        self.socketPath = socketPath ?? directory.path + "/berth.sock"
        self.dataRoot = dataRoot ?? directory.path + "/root"
        self.logPath = directory.path + "/berthd-\(UUID().uuidString.prefix(6)).log"
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw Failure(description: "berthd binary not found at \(Self.binary); build it first or set BERTHD")
        }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["--host", "unix://\(self.socketPath)", "--data-root", self.dataRoot] + arguments
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        try process.run()
    }

    deinit { kill() }

    /// The daemon's stderr so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits until the socket answers a ping, or fails with the daemon's log.
    func waitUntilServing(timeout: Duration = .seconds(15)) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { throw Failure(description: "berthd exited early (\(process.terminationStatus)): \(log)") }
            if let response = try? RawHTTPClient(socketPath: socketPath).request("GET", "/_ping"), response.status == 200 {
                return
            }
            usleep(20_000)
        }
        throw Failure(description: "berthd did not serve \(socketPath) in time: \(log)")
    }

    /// Waits for the process to exit by itself; nil on timeout.
    func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    /// Sends SIGTERM and waits; nil if it did not exit in time.
    func terminate(timeout: Duration = .seconds(10)) -> Int32? {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGTERM) }
        return waitForExit(timeout: timeout)
    }

    /// SIGKILL if still running, then reap.
    func kill() {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
