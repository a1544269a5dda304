import Glibc
import LinuxSys
import OCI

extension Runtime {
    /// `delete`: removes a stopped (or created) container's cgroup and state
    /// and runs its poststop hooks; `force` kills a running one first.
    public func delete(id: String, force: Bool) throws(RuntimeError) {
        let record: ContainerRecord
        do { record = try store.load(id) } catch {
            // A half-created directory with no state.json is debris: remove it.
            if force, (try? StateStore.validate(id: id)) != nil, FileSystem.exists(store.directory(id)) {
                try store.remove(id)
                return
            }
            throw error
        }
        let status = status(of: record)
        if status == "running" || status == "paused" {
            guard force else { throw RuntimeError("cannot delete container \"\(id)\" that is not stopped: \(status)") }
        }
        let spec = try? store.loadConfig(id)
        let manager = try Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: id)
        if status != "stopped" { try killEverything(record, manager) }
        try manager.destroy()
        if let hooks = spec?.hooks?.poststop, !hooks.isEmpty {
            var state = ociState(record)
            state.status = "stopped"
            let json = state.json.serialized()
            HookRunner(state: json).runAll(hooks, phase: "poststop")
        }
        try store.remove(id)
    }

    /// SIGKILL every process in the cgroup (thawing it so they can die) and
    /// wait until the cgroup is empty.
    func killEverything(_ record: ContainerRecord, _ manager: any CgroupManager) throws(RuntimeError) {
        Glibc.kill(record.pid, SIGKILL)
        if manager.isFrozen() {
            for pid in manager.processes() { Glibc.kill(pid, SIGKILL) }
            try? manager.setFrozen(false)
        }
        let deadline = Clock.monotonicMilliseconds() + 10_000
        while true {
            let remaining = manager.processes().filter { ProcessInfo.state($0) != "Z" }
            if remaining.isEmpty && !ProcessInfo.isAlive(pid: record.pid, startTime: record.pidStartTime) { return }
            for pid in remaining { Glibc.kill(pid, SIGKILL) }
            if Clock.monotonicMilliseconds() > deadline {
                throw RuntimeError("container \"\(record.id)\" did not die after SIGKILL")
            }
            Clock.sleep(milliseconds: 2)
        }
    }
}
