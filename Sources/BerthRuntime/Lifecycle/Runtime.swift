import Glibc
import LinuxSys
import OCI

/// The OCI runtime's operations, one method per runc command. Each command is
/// a short-lived process: state lives in `StateStore`, not in memory.
public struct Runtime {
    let store: StateStore

    /// `root` is runc's `--root`: where container state is kept.
    public init(root: String = "/run/berth-runtime") {
        store = StateStore(root: root)
    }

    /// The container's status as OCI defines it, from its init pid, its exec
    /// fifo and its freezer.
    /// `cgroups`: the container's manager when the caller already has one (finding the hierarchies reads mountinfo).
    func status(of record: ContainerRecord, cgroups: (any CgroupManager)? = nil) -> String {
        guard ProcessInfo.isAlive(pid: record.pid, startTime: record.pidStartTime) else { return "stopped" }
        if FileSystem.exists(store.fifoPath(record.id)) { return "created" }
        if let manager = cgroups ?? (try? Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: record.id)), manager.isFrozen() {
            return "paused"
        }
        return "running"
    }

    func ociState(_ record: ContainerRecord) -> ContainerState {
        let status = status(of: record)
        return ContainerState(id: record.id, status: status, pid: status == "stopped" ? 0 : record.pid,
                              bundle: record.bundle, rootfs: record.rootfs, created: record.created,
                              annotations: record.annotations)
    }
}
