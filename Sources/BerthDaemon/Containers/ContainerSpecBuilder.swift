import BerthAPI
import BerthRuntime
import LinuxSys
import OCI

/// Turns a stored container configuration into the OCI runtime spec its
/// bundle gets: Docker's defaults (DefaultSpec), then the image and create
/// request's process settings, then HostConfig (limits, mounts, privileges).
enum ContainerSpecBuilder {
    /// The spec for container `id` whose merged root is mounted at `rootfs`.
    static func make(_ config: ContainerConfigDocument, id: String, rootfs: String) throws -> Spec {
        var spec = DefaultSpec.make(args: config.args, rootfs: rootfs, terminal: config.tty ?? false)
        spec.process?.env = config.env
        if config.tty == true, !config.env.contains(where: { $0.hasPrefix("TERM=") }) {
            spec.process?.env?.append("TERM=xterm")
        }
        spec.process?.cwd = config.workingDir
        spec.hostname = config.hostname
        if let domainname = config.domainname, !domainname.isEmpty { spec.domainname = domainname }
        spec.linux?.cgroupsPath = "/berth/" + id
        spec.root?.readonly = config.readonlyRootfs ?? false
        if let limits = config.resources { applyResources(limits, to: &spec) }
        return spec
    }

    /// Memory, CPU and pids limits, with dockerd's defaults.
    static func applyResources(_ limits: ContainerResources, to spec: inout Spec) {
        spec.linux?.resources?.memory = MemoryResources(
            limit: limits.memory, reservation: limits.memoryReservation,
            // dockerd's default: swap as large as the memory limit, where
            // the kernel accounts swap (v1 memsw); otherwise no swap limit.
            swap: limits.memorySwap ?? (FileSystem.exists("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes")
                ? limits.memory.map { $0 * 2 } : nil))
        var cpu = CPUResources(shares: limits.cpuShares.map { UInt64($0) }, quota: limits.cpuQuota,
                               period: limits.cpuPeriod.map { UInt64($0) }, cpus: limits.cpusetCpus)
        if let nano = limits.nanoCPUs {
            // --cpus: a quota over a 100 ms period, as dockerd sets it.
            cpu.period = 100_000
            cpu.quota = nano / 10_000
        }
        spec.linux?.resources?.cpu = cpu
        if let pids = limits.pidsLimit, pids > 0 { spec.linux?.resources?.pids = PidsResources(limit: pids) }
    }
}
