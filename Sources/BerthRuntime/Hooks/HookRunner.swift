import Glibc
import LinuxSys
import OCI

/// Runs OCI hooks: each program gets the container state as JSON on stdin and
/// must exit 0 within its timeout, or the lifecycle step fails.
struct HookRunner {
    let state: String

    func run(_ hooks: [Hook], phase: String) throws(RuntimeError) {
        for hook in hooks { try runOne(hook, phase: phase) }
    }

    /// Runs every hook, reporting failures without stopping (for poststop and poststart).
    func runAll(_ hooks: [Hook], phase: String) {
        for hook in hooks {
            do { try runOne(hook, phase: phase) } catch { printError("berth-runtime: \(error)") }
        }
    }

    private func runOne(_ hook: Hook, phase: String) throws(RuntimeError) {
        let pipe: (read: FileDescriptor, write: FileDescriptor)
        do { pipe = try makePipe() } catch { throw RuntimeError("\(phase) hook \(hook.path)", error) }
        let pid = fork()
        if pid < 0 { throw RuntimeError("\(phase) hook \(hook.path)", SystemError("fork")) }
        if pid == 0 {
            _ = dup2(pipe.read.rawValue, 0)
            let failure = execute(path: hook.path, arguments: hook.args ?? [hook.path], environment: hook.env ?? [])
            printError("berth-runtime: \(phase) hook: \(failure)")
            exitImmediately(127)
        }
        pipe.read.close()
        try? pipe.write.writeAll(state)
        pipe.write.close()
        let deadline = hook.timeout.map { Clock.monotonicMilliseconds() + Int64($0) * 1000 }
        while true {
            let status: ExitStatus?
            do { status = try pollExit(pid) } catch { throw RuntimeError("\(phase) hook \(hook.path)", error) }
            if let status {
                if status == .exited(0) { return }
                throw RuntimeError("\(phase) hook \(hook.path) failed: \(status)")
            }
            if let deadline, Clock.monotonicMilliseconds() > deadline {
                kill(pid, SIGKILL)
                _ = try? waitForExit(pid)
                throw RuntimeError("\(phase) hook \(hook.path) timed out after \(hook.timeout ?? 0)s")
            }
            Clock.sleep(milliseconds: 2)
        }
    }
}
