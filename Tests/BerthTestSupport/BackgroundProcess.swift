import Foundation
import Glibc

/// A long-running child (a daemon under test) started with posix_spawn, its
/// output sent to a log file; `stop()` (and deinit) sends SIGTERM, then
/// SIGKILL after a grace period, and reaps it.
public final class BackgroundProcess: @unchecked Sendable {
    public let pid: pid_t
    public let logPath: String
    private var reaped = false
    private var status: Int32 = 0

    /// Starts `arguments` with stdout and stderr appended to `logPath`.
    public init(_ arguments: [String], logPath: String, environment: [String: String] = [:]) throws {
        self.logPath = logPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawnp(&child, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else {
            throw SpawnFailure(description: "spawn \(arguments[0]): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    deinit { stop() }

    /// Why a spawn failed.
    public struct SpawnFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Whether the child is still running (reaps it if it exited).
    public var isRunning: Bool {
        if reaped { return false }
        let done = waitpid(pid, &status, WNOHANG)
        if done == pid { reaped = true }
        return !reaped
    }

    /// The log so far.
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, up to `grace` seconds, then SIGKILL; always reaps.
    public func stop(grace: Double = 10) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(20_000) }
        if isRunning {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            reaped = true
        }
    }
}
