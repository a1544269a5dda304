import BerthAPI
import Foundation

/// Writes new limits into a running container's cgroup (v1 or v2), in an
/// order the kernel accepts: v1 needs memory ≤ memory+swap at every step.
struct CgroupLimits {
    let cgroup: ContainerCgroup

    /// Applies each limit that is set (nil leaves it as it is).
    func apply(
        memory: Int64?, swap: Int64?, nano: Int64?, quota: Int64?, period: Int64?, shares: Int64?, cpuset: String?, pids: Int64?
    ) throws {
        if cgroup.unified {
            try applyV2(memory: memory, swap: swap, nano: nano, quota: quota, period: period, shares: shares)
        } else {
            try applyV1Memory(memory: memory, swap: swap)
            if let shares { try cgroup.write("cpu.shares", in: "cpu", String(shares)) }
            if let nano {
                try cgroup.write("cpu.cfs_period_us", in: "cpu", "100000")
                try cgroup.write("cpu.cfs_quota_us", in: "cpu", String(nano / 10_000))
            }
            if let period { try cgroup.write("cpu.cfs_period_us", in: "cpu", String(period)) }
            if let quota { try cgroup.write("cpu.cfs_quota_us", in: "cpu", String(quota)) }
        }
        if let cpuset { try cgroup.write("cpuset.cpus", in: "cpuset", cpuset) }
        if let pids { try cgroup.write("pids.max", in: "pids", pids > 0 ? String(pids) : "max") }
    }

    /// v1: memory.limit_in_bytes and, where swap is accounted, memory.memsw.limit_in_bytes,
    /// raising memsw first when the new memory limit would exceed it.
    private func applyV1Memory(memory: Int64?, swap: Int64?) throws {
        let hasSwap = cgroup.has("memory.memsw.limit_in_bytes", in: "memory")
        let swapValue = swap.map { $0 < 0 ? "-1" : String($0) }
        guard let memory else {
            if let swapValue, hasSwap { try cgroup.write("memory.memsw.limit_in_bytes", in: "memory", swapValue) }
            return
        }
        let currentSwap = cgroup.number("memory.memsw.limit_in_bytes", in: "memory") ?? UInt64.max
        if hasSwap, let swap, swap < 0 || UInt64(swap) >= currentSwap || UInt64(memory) > currentSwap {
            try cgroup.write("memory.memsw.limit_in_bytes", in: "memory", swapValue ?? "-1")
            try cgroup.write("memory.limit_in_bytes", in: "memory", String(memory))
        } else {
            try cgroup.write("memory.limit_in_bytes", in: "memory", String(memory))
            if hasSwap, let swapValue { try cgroup.write("memory.memsw.limit_in_bytes", in: "memory", swapValue) }
        }
    }

    private func applyV2(memory: Int64?, swap: Int64?, nano: Int64?, quota: Int64?, period: Int64?, shares: Int64?) throws {
        if let memory { try cgroup.write("memory.max", in: "memory", String(memory)) }
        if let swap {
            let value = swap < 0 ? "max" : String(max(0, swap - (memory ?? Int64(cgroup.number("memory.max", in: "memory") ?? 0))))
            try cgroup.write("memory.swap.max", in: "memory", value)
        }
        if let shares { try cgroup.write("cpu.weight", in: "cpu", String(1 + ((max(2, shares) - 2) * 9999) / 262_142)) }
        if let nano { try cgroup.write("cpu.max", in: "cpu", "\(nano / 10_000) 100000") }
        if quota != nil || period != nil {
            let current = (cgroup.read("cpu.max", in: "cpu") ?? "max 100000").split(separator: " ")
            let newQuota = quota.map { $0 < 0 ? "max" : String($0) } ?? current.first.map(String.init) ?? "max"
            let newPeriod = period.map(String.init) ?? (current.count > 1 ? String(current[1]) : "100000")
            try cgroup.write("cpu.max", in: "cpu", newQuota + " " + newPeriod)
        }
    }
}
