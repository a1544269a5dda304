import Glibc
import LinuxSys
import OCI

/// cgroup v1: one directory per mounted hierarchy (memory, cpu, pids, ...).
struct CgroupV1Manager: CgroupManager {
    /// (controllers, mount point) for every mounted v1 hierarchy.
    let hierarchies: [(controllers: String, mountPoint: String)]
    /// The container's path inside each hierarchy.
    let path: String

    /// Reads /proc/self/mountinfo for cgroup (v1) mounts.
    static func mountedHierarchies() -> [(controllers: String, mountPoint: String)] {
        guard let text = try? FileSystem.readString("/proc/self/mountinfo") else { return [] }
        var result: [(String, String)] = []
        for line in text.splitBytes(0x0a) {
            guard let (head, rest) = line.splitOnce(" - ") else { continue }
            let fields = head.splitBytes(0x20)
            let tail = rest.splitBytes(0x20)
            guard fields.count > 4, tail.count > 2, tail[0] == "cgroup" else { continue }
            let options = tail[2].splitBytes(0x2c).filter { option in
                !["rw", "ro", "nosuid", "nodev", "noexec", "relatime", "clone_children", "noprefix"].contains(option)
                    && !option.hasPrefix("release_agent")
            }
            let controllers = options.joined(separator: ",")
            if !controllers.isEmpty && !result.contains(where: { $0.1 == String(fields[4]) }) {
                result.append((controllers, String(fields[4])))
            }
        }
        return result
    }

    var layout: CgroupLayout {
        CgroupLayout(unified: false, hierarchies: hierarchies.map { ($0.controllers, $0.mountPoint, directory($0.mountPoint)) })
    }

    private func directory(_ mountPoint: String) -> String { mountPoint + path }

    /// The container's directory in the hierarchy holding `controller`.
    private func directory(for controller: String) -> String? {
        guard let match = hierarchies.first(where: { $0.controllers.splitBytes(0x2c).contains(Substring(controller)) }) else {
            return nil
        }
        return directory(match.mountPoint)
    }

    func create() throws(RuntimeError) {
        for hierarchy in hierarchies {
            let isCpuset = hierarchy.controllers.splitBytes(0x2c).contains("cpuset")
            var current = hierarchy.mountPoint
            for component in path.splitBytes(0x2f) {
                let parent = current
                current += "/" + component
                if mkdir(current, 0o755) != 0 && errno != EEXIST {
                    throw RuntimeError("create cgroup \(current)", SystemError("mkdir", current))
                }
                // A new v1 cpuset starts empty and refuses tasks: inherit the parent's.
                if isCpuset { try inheritCpuset(from: parent, to: current) }
            }
        }
    }

    private func inheritCpuset(from parent: String, to child: String) throws(RuntimeError) {
        for file in ["cpuset.cpus", "cpuset.mems"] where (Cgroups.read(child, file) ?? "").isEmpty {
            if let value = Cgroups.read(parent, file), !value.isEmpty {
                try Cgroups.write(child, file, value)
            }
        }
    }

    func apply(_ resources: Resources?) throws(RuntimeError) {
        guard let resources else { return }
        if let memory = resources.memory, let dir = directory(for: "memory") { try applyMemory(memory, dir) }
        if let cpu = resources.cpu {
            if let dir = directory(for: "cpu") {
                if let shares = cpu.shares, shares > 0 { try Cgroups.write(dir, "cpu.shares", String(shares)) }
                if let period = cpu.period, period > 0 { try Cgroups.write(dir, "cpu.cfs_period_us", String(period)) }
                if let quota = cpu.quota, quota != 0 { try Cgroups.write(dir, "cpu.cfs_quota_us", String(quota)) }
            }
            if let dir = directory(for: "cpuset") {
                if let cpus = cpu.cpus, !cpus.isEmpty { try Cgroups.write(dir, "cpuset.cpus", cpus) }
                if let mems = cpu.mems, !mems.isEmpty { try Cgroups.write(dir, "cpuset.mems", mems) }
            }
        }
        if let pids = resources.pids, let dir = directory(for: "pids") {
            try Cgroups.write(dir, "pids.max", pids.limit > 0 ? String(pids.limit) : "max")
        }
        if let rules = resources.devices, !rules.isEmpty, let dir = directory(for: "devices") {
            for rule in rules {
                try Cgroups.write(dir, rule.allow ? "devices.allow" : "devices.deny", DeviceRuleText.render(rule))
            }
        }
    }

    private func applyMemory(_ memory: MemoryResources, _ dir: String) throws(RuntimeError) {
        let hasSwapFile = FileSystem.exists(dir + "/memory.memsw.limit_in_bytes")
        if let limit = memory.limit, limit != 0 {
            let swap = memory.swap ?? 0
            if swap != 0 && !hasSwapFile && swap != limit {
                throw RuntimeError("memory swap limit requested but the kernel has no swap accounting (memory.memsw.limit_in_bytes)")
            }
            // memsw must stay >= limit, so the order depends on the direction of change.
            let current = Int64(Cgroups.read(dir, "memory.memsw.limit_in_bytes") ?? "") ?? Int64.max
            if hasSwapFile && swap != 0 && (swap == -1 || swap > current) {
                try Cgroups.write(dir, "memory.memsw.limit_in_bytes", String(swap))
                try Cgroups.write(dir, "memory.limit_in_bytes", String(limit))
            } else {
                try Cgroups.write(dir, "memory.limit_in_bytes", String(limit))
                if hasSwapFile && swap != 0 { try Cgroups.write(dir, "memory.memsw.limit_in_bytes", String(swap)) }
            }
        }
        if let reservation = memory.reservation, reservation != 0 {
            try Cgroups.write(dir, "memory.soft_limit_in_bytes", String(reservation))
        }
        if let swappiness = memory.swappiness, swappiness <= 100 {
            try Cgroups.write(dir, "memory.swappiness", String(swappiness))
        }
        if memory.disableOOMKiller == true { try Cgroups.write(dir, "memory.oom_control", "1") }
    }

    func join(_ pid: pid_t) throws(RuntimeError) {
        for hierarchy in hierarchies {
            try Cgroups.write(directory(hierarchy.mountPoint), "cgroup.procs", String(pid))
        }
    }

    func processes() -> [pid_t] {
        let dir = directory(for: "pids") ?? directory(for: "memory") ?? hierarchies.first.map { directory($0.mountPoint) }
        guard let dir else { return [] }
        return Cgroups.readProcesses(dir)
    }

    func setFrozen(_ frozen: Bool) throws(RuntimeError) {
        guard let dir = directory(for: "freezer") else { throw RuntimeError("the freezer cgroup is not mounted") }
        let wanted = frozen ? "FROZEN" : "THAWED"
        for _ in 0..<2000 {
            try Cgroups.write(dir, "freezer.state", wanted)
            if Cgroups.read(dir, "freezer.state") == wanted { return }
            Clock.sleep(milliseconds: 1)
        }
        throw RuntimeError("the freezer did not reach \(wanted)")
    }

    func isFrozen() -> Bool {
        guard let dir = directory(for: "freezer") else { return false }
        let state = Cgroups.read(dir, "freezer.state")
        return state == "FROZEN" || state == "FREEZING"
    }

    func oomKillCount() -> Int {
        guard let dir = directory(for: "memory") else { return 0 }
        return Cgroups.keyedValue(dir, "memory.oom_control", key: "oom_kill") ?? 0
    }

    func destroy() throws(RuntimeError) {
        for hierarchy in hierarchies {
            try Cgroups.removeDirectory(directory(hierarchy.mountPoint))
        }
    }
}
