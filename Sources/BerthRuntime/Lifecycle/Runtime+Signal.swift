import Glibc
import LinuxSys
import OCI

extension Runtime {
    /// `kill`: sends a signal to the init, or with `all` to every process in
    /// the container's cgroup.
    public func kill(id: String, signal: Int32, all: Bool) throws(RuntimeError) {
        let record = try store.load(id)
        let status = status(of: record)
        guard status != "stopped" || all else { throw RuntimeError("container \"\(id)\" is not running") }
        if all {
            let manager = try Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: id)
            for pid in manager.processes() { Glibc.kill(pid, signal) }
            if status == "paused" && signal == SIGKILL { try? manager.setFrozen(false) }
            return
        }
        do { try sendSignal(record.pid, signal) } catch {
            throw RuntimeError("signal container \(id)", error)
        }
        // A frozen init never sees the SIGKILL: thaw it so it dies (runc does the same).
        if status == "paused" && signal == SIGKILL {
            try? Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: id).setFrozen(false)
        }
    }

    /// `pause`: freezes every process of the container.
    public func pause(id: String) throws(RuntimeError) {
        let record = try store.load(id)
        let status = status(of: record)
        guard status == "running" else { throw RuntimeError("container \"\(id)\" is not running (\(status))") }
        try Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: id).setFrozen(true)
    }

    /// `resume`: thaws a paused container.
    public func resume(id: String) throws(RuntimeError) {
        let record = try store.load(id)
        let status = status(of: record)
        guard status == "paused" else { throw RuntimeError("container \"\(id)\" is not paused (\(status))") }
        try Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: id).setFrozen(false)
    }
}
