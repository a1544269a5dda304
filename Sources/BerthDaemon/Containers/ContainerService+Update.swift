import BerthAPI
import Foundation
import Glibc
import LinuxSys

/// `docker update`: new limits and restart policy, checked as dockerd checks
/// them, stored in the container's configuration (so the next start uses
/// them) and written straight into a running container's cgroup.
extension ContainerService {
    public func update(_ idOrName: String, _ request: ContainerUpdateRequest) throws -> [String]? {
        let found = try find(idOrName)
        var config = found.config
        var limits = config.resources ?? ContainerResources()
        let memory = request.Memory.flatMap { $0 != 0 ? $0 : nil }
        let swap = request.MemorySwap.flatMap { $0 != 0 ? $0 : nil }
        let nano = request.NanoCpus.flatMap { $0 != 0 ? $0 : nil }
        let quota = request.CpuQuota.flatMap { $0 != 0 ? $0 : nil }
        let period = request.CpuPeriod.flatMap { $0 != 0 ? $0 : nil }
        let swapAccounting = FileSystem.exists("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes")
            || FileSystem.exists("/sys/fs/cgroup/cgroup.controllers")
        try Self.checkUpdate(request, memory: memory, swap: swap, nano: nano, quota: quota, period: period, current: limits,
                             swapAccounting: swapAccounting)
        if let memory { limits.memory = memory }
        if let swap { limits.memorySwap = swap }
        if let reservation = request.MemoryReservation, reservation > 0 { limits.memoryReservation = reservation }
        if let nano { limits.nanoCPUs = nano }
        if let quota { limits.cpuQuota = quota }
        if let period { limits.cpuPeriod = period }
        if let shares = request.CpuShares, shares > 0 { limits.cpuShares = shares }
        if let cpus = request.CpusetCpus, !cpus.isEmpty { limits.cpusetCpus = cpus }
        if let pids = request.PidsLimit { limits.pidsLimit = pids > 0 ? pids : nil }
        config.resources = limits
        // HostConfig as inspect shows it and the restart logic reads it.
        var host = config.hostConfig ?? HostConfig()
        host.Memory = limits.memory
        host.MemorySwap = limits.memorySwap
        host.MemoryReservation = limits.memoryReservation
        host.NanoCpus = limits.nanoCPUs
        host.CpuShares = limits.cpuShares
        host.CpuQuota = limits.cpuQuota
        host.CpuPeriod = limits.cpuPeriod
        host.CpusetCpus = limits.cpusetCpus
        host.PidsLimit = limits.pidsLimit
        if let policy = request.RestartPolicy, let name = policy.Name, !name.isEmpty {
            if host.AutoRemove == true && name != "no" {
                throw APIError.badRequest("Restart policy cannot be updated because AutoRemove is enabled for the container")
            }
            var probe = HostConfig()
            probe.RestartPolicy = RestartPolicy(name: name, maximumRetryCount: policy.MaximumRetryCount ?? 0)
            try Self.validate(probe)  // create's checks and words
            host.RestartPolicy = probe.RestartPolicy
        }
        config.hostConfig = host
        if found.isRunning {
            try CgroupLimits(cgroup: ContainerCgroup(id: found.id)).apply(
                memory: memory, swap: swap, nano: nano, quota: quota, period: period,
                shares: request.CpuShares.flatMap { $0 > 0 ? $0 : nil }, cpuset: request.CpusetCpus.flatMap { $0.isEmpty ? nil : $0 },
                pids: request.PidsLimit)
        }
        try store.updateConfig(id: found.id, config: try Self.encode(config))
        events.container("update", found.row)
        return nil
    }

    /// dockerd's refusals for `docker update`, in its words.
    static func checkUpdate(
        _ request: ContainerUpdateRequest, memory: Int64?, swap: Int64?, nano: Int64?, quota: Int64?, period: Int64?,
        current: ContainerResources, swapAccounting: Bool
    ) throws {
        if let memory, memory < 6 * 1024 * 1024 { throw APIError.badRequest("Minimum memory limit allowed is 6MB") }
        if let memory, let swap, swap > 0, swap < memory {
            throw APIError.badRequest("Minimum memoryswap limit should be larger than memory limit, see usage")
        }
        let currentSwap = current.memorySwap ?? (swapAccounting ? current.memory.map { $0 * 2 } : nil)
        if let memory, swap == nil, let currentSwap, currentSwap > 0, memory > currentSwap {
            throw APIError.badRequest(
                "Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time")
        }
        if nano != nil && (quota != nil || period != nil) {
            throw APIError.badRequest("Conflicting options: Nano CPUs and CPU Period cannot both be set")
        }
        if nano != nil && (current.cpuQuota != nil || current.cpuPeriod != nil) {
            throw APIError.badRequest("Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set")
        }
        if (quota != nil || period != nil) && current.nanoCPUs != nil {
            throw APIError.badRequest("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set")
        }
        if let nano {
            let cpus = Int64(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            if nano < 10_000_000 || nano > cpus * 1_000_000_000 {
                throw APIError.badRequest("Range of CPUs is from 0.01 to \(cpus).00, as there are only \(cpus) CPUs available")
            }
        }
    }
}
