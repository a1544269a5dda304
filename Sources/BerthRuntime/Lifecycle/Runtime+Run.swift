import Glibc
import LinuxSys
import OCI

extension Runtime {
    /// `run`: create, start, wait, delete. Returns the container's exit code
    /// (128+signal when killed); an OOM kill is reported on stderr.
    public func run(id: String, options: CreateOptions, detach: Bool) throws(RuntimeError) -> Int32 {
        if detach {
            try create(id: id, options: options)
            try start(id: id)
            return 0
        }
        let launched = try launch(id: id, options: options, runMode: true)
        SignalForwarder.install(target: launched.pid)
        do { try launched.sync.send(.start) } catch {
            Glibc.kill(launched.pid, SIGKILL)
        }
        launched.sync.fd.close()
        if let hooks = launched.spec.hooks?.poststart, !hooks.isEmpty {
            let json = ociState(launched.record).json.serialized()
            HookRunner(state: json).runAll(hooks, phase: "poststart")
        }
        let status: ExitStatus
        do { status = try waitForExit(launched.pid) } catch { throw RuntimeError("wait for container", error) }
        let oomKilled = launched.cgroup.oomKillCount() > 0
        // The init is gone; kill anything it left behind before removing the cgroup.
        for pid in launched.cgroup.processes() { Glibc.kill(pid, SIGKILL) }
        try? delete(id: id, force: true)
        if oomKilled {
            printError("berth-runtime: container \(id) was killed by the OOM killer (memory limit reached)")
        }
        return status.shellCode
    }
}
