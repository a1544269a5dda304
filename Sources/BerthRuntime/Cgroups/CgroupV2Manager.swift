import Glibc
import LinuxSys
import OCI

/// cgroup v2: one directory in the unified hierarchy, controllers enabled
/// along the path through cgroup.subtree_control.
struct CgroupV2Manager: CgroupManager {
    /// The unified hierarchy's mount point (normally /sys/fs/cgroup).
    let root: String
    /// The container's path inside it.
    let path: String

    var directory: String { root + path }

    var layout: CgroupLayout { CgroupLayout(unified: true, hierarchies: [("", root, directory)]) }

    func create() throws(RuntimeError) {
        var current = root
        let components = path.splitBytes(0x2f)
        for (index, component) in components.enumerated() {
            let parent = current
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw RuntimeError("create cgroup \(current)", SystemError("mkdir", current))
            }
            // Enable in each ancestor every controller it offers that we use, so
            // the leaf gets memory.max, cpu.max and friends.
            _ = index
            enableControllers(in: parent)
        }
    }

    private func enableControllers(in directory: String) {
        guard let available = Cgroups.read(directory, "cgroup.controllers") else { return }
        let wanted = available.split(separator: " ").filter { ["cpu", "cpuset", "memory", "pids", "io"].contains($0) }
        let enabled = Set((Cgroups.read(directory, "cgroup.subtree_control") ?? "").split(separator: " "))
        for controller in wanted where !enabled.contains(controller) {
            try? FileSystem.writeExisting(directory + "/cgroup.subtree_control", "+" + controller)
        }
    }

    func apply(_ resources: Resources?) throws(RuntimeError) {
        guard let resources else { return }
        let dir = directory
        if let memory = resources.memory {
            if let limit = memory.limit, limit != 0 {
                try Cgroups.write(dir, "memory.max", limit > 0 ? String(limit) : "max")
                // v1's swap is memory+swap; v2's memory.swap.max is swap alone.
                if let swap = memory.swap, swap != 0, FileSystem.exists(dir + "/memory.swap.max") {
                    let swapOnly = swap < 0 ? "max" : String(max(0, swap - max(limit, 0)))
                    try Cgroups.write(dir, "memory.swap.max", swapOnly)
                }
            }
            if let reservation = memory.reservation, reservation > 0 {
                try Cgroups.write(dir, "memory.low", String(reservation))
            }
        }
        if let cpu = resources.cpu {
            if let shares = cpu.shares, shares > 0 {
                try Cgroups.write(dir, "cpu.weight", String(Self.weight(fromShares: shares)))
            }
            if (cpu.quota ?? 0) != 0 || (cpu.period ?? 0) != 0 {
                let quota = cpu.quota.map { $0 > 0 ? String($0) : "max" } ?? "max"
                let period = cpu.period.map { $0 > 0 ? String($0) : "100000" } ?? "100000"
                try Cgroups.write(dir, "cpu.max", quota + " " + period)
            }
            if let cpus = cpu.cpus, !cpus.isEmpty { try Cgroups.write(dir, "cpuset.cpus", cpus) }
            if let mems = cpu.mems, !mems.isEmpty { try Cgroups.write(dir, "cpuset.mems", mems) }
        }
        if let pids = resources.pids {
            try Cgroups.write(dir, "pids.max", pids.limit > 0 ? String(pids.limit) : "max")
        }
        for (file, value) in (resources.unified ?? [:]).sorted(by: { $0.key < $1.key }) {
            if file.contains("/") || file.hasPrefix(".") { throw RuntimeError("invalid unified cgroup key \"\(file)\"") }
            try Cgroups.write(dir, file, value)
        }
    }

    /// Maps v1 cpu.shares [2, 262144] onto v2 cpu.weight [1, 10000], as runc does.
    static func weight(fromShares shares: UInt64) -> UInt64 {
        let clamped = min(max(shares, 2), 262_144)
        return 1 + ((clamped - 2) * 9999) / 262_142
    }

    func join(_ pid: pid_t) throws(RuntimeError) {
        try Cgroups.write(directory, "cgroup.procs", String(pid))
    }

    func processes() -> [pid_t] { Cgroups.readProcesses(directory) }

    func setFrozen(_ frozen: Bool) throws(RuntimeError) {
        try Cgroups.write(directory, "cgroup.freeze", frozen ? "1" : "0")
        for _ in 0..<2000 {
            if Cgroups.keyedValue(directory, "cgroup.events", key: "frozen") == (frozen ? 1 : 0) { return }
            Clock.sleep(milliseconds: 1)
        }
        throw RuntimeError("the cgroup did not \(frozen ? "freeze" : "thaw")")
    }

    func isFrozen() -> Bool { Cgroups.read(directory, "cgroup.freeze") == "1" }

    func oomKillCount() -> Int { Cgroups.keyedValue(directory, "memory.events", key: "oom_kill") ?? 0 }

    func destroy() throws(RuntimeError) {
        if FileSystem.exists(directory + "/cgroup.kill") {
            try? FileSystem.writeExisting(directory + "/cgroup.kill", "1")
        }
        try Cgroups.removeDirectory(directory)
    }
}
