import BerthAPI
import Foundation
import Glibc
import LinuxSys

extension ContainerCgroup {
    /// One `docker stats` sample of this cgroup (without `precpu_stats`, which
    /// the caller fills from the sample before), read from the v1 or v2 files.
    func sample(id: String, name: String, read: String) -> ContainerStats {
        ContainerStats(
            read: read, preread: Self.zeroTime, pids: pids(), blkio: blkio(), cpu: cpu(), precpu: ContainerStats.CPUStats(),
            memory: memory(), name: "/" + name, id: id)
    }

    /// Go's zero time, what dockerd sends for a missing timestamp.
    static let zeroTime = "0001-01-01T00:00:00Z"

    func pids() -> ContainerStats.PidsStats {
        let limit = number("pids.max", in: "pids")
        return ContainerStats.PidsStats(current: number("pids.current", in: "pids") ?? 0, limit: limit ?? 0)
    }

    func cpu() -> ContainerStats.CPUStats {
        let ticks: UInt64 = 1_000_000_000 / UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))
        var usage = ContainerStats.CPUUsage()
        var throttling = ContainerStats.Throttling()
        if unified {
            let stat = keyed("cpu.stat", in: "cpu")
            usage.total_usage = (stat["usage_usec"] ?? 0) * 1000
            usage.usage_in_usermode = (stat["user_usec"] ?? 0) * 1000
            usage.usage_in_kernelmode = (stat["system_usec"] ?? 0) * 1000
            throttling = ContainerStats.Throttling(
                periods: stat["nr_periods"] ?? 0, throttledPeriods: stat["nr_throttled"] ?? 0,
                throttledTime: (stat["throttled_usec"] ?? 0) * 1000)
        } else {
            usage.total_usage = number("cpuacct.usage", in: "cpuacct") ?? 0
            usage.percpu_usage = read("cpuacct.usage_percpu", in: "cpuacct").map { $0.split(separator: " ").compactMap { UInt64($0) } }
            let modes = keyed("cpuacct.stat", in: "cpuacct")
            usage.usage_in_usermode = (modes["user"] ?? 0) * ticks
            usage.usage_in_kernelmode = (modes["system"] ?? 0) * ticks
            let stat = keyed("cpu.stat", in: "cpu")
            throttling = ContainerStats.Throttling(
                periods: stat["nr_periods"] ?? 0, throttledPeriods: stat["nr_throttled"] ?? 0,
                throttledTime: stat["throttled_time"] ?? 0)
        }
        return ContainerStats.CPUStats(
            usage: usage, system: Self.systemCPUUsage(), onlineCPUs: UInt32(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))),
            throttling: throttling)
    }

    func memory() -> ContainerStats.MemoryStats {
        let hostMemory = Self.hostMemory()
        if unified {
            let limit = number("memory.max", in: "memory").map { min($0, hostMemory) } ?? hostMemory
            return ContainerStats.MemoryStats(
                usage: number("memory.current", in: "memory") ?? 0, maxUsage: number("memory.peak", in: "memory"),
                stats: keyed("memory.stat", in: "memory"), limit: limit)
        }
        // No limit is a huge number in v1; dockerd and the CLI show the host's memory instead.
        let limit = min(number("memory.limit_in_bytes", in: "memory") ?? hostMemory, hostMemory)
        return ContainerStats.MemoryStats(
            usage: number("memory.usage_in_bytes", in: "memory") ?? 0,
            maxUsage: number("memory.max_usage_in_bytes", in: "memory"),
            stats: keyed("memory.stat", in: "memory"), failcnt: number("memory.failcnt", in: "memory"), limit: limit)
    }

    func blkio() -> ContainerStats.BlkioStats {
        if unified {
            guard let text = try? FileSystem.readString(directory("io") + "/io.stat") else { return ContainerStats.BlkioStats() }
            var bytes: [ContainerStats.BlkioEntry] = []
            var operations: [ContainerStats.BlkioEntry] = []
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard let device = fields.first, let (major, minor) = Self.device(device) else { continue }
                var values: [String: UInt64] = [:]
                for field in fields.dropFirst() {
                    let pair = field.split(separator: "=", maxSplits: 1)
                    if pair.count == 2, let value = UInt64(pair[1]) { values[String(pair[0])] = value }
                }
                bytes += [("read", "rbytes"), ("write", "wbytes")].map {
                    ContainerStats.BlkioEntry(major: major, minor: minor, op: $0.0, value: values[$0.1] ?? 0)
                }
                operations += [("read", "rios"), ("write", "wios")].map {
                    ContainerStats.BlkioEntry(major: major, minor: minor, op: $0.0, value: values[$0.1] ?? 0)
                }
            }
            return ContainerStats.BlkioStats(serviceBytes: bytes, serviced: operations)
        }
        return ContainerStats.BlkioStats(
            serviceBytes: blkioEntries("blkio.throttle.io_service_bytes"), serviced: blkioEntries("blkio.throttle.io_serviced"))
    }

    /// A v1 blkio file: `MAJ:MIN Op value` lines (the `Total` line dropped).
    private func blkioEntries(_ file: String) -> [ContainerStats.BlkioEntry]? {
        guard let text = try? FileSystem.readString(directory("blkio") + "/" + file) else { return nil }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let (major, minor) = Self.device(fields[0]), let value = UInt64(fields[2]) else { return nil }
            return ContainerStats.BlkioEntry(major: major, minor: minor, op: fields[1].lowercased(), value: value)
        }
    }

    private static func device(_ text: Substring) -> (UInt64, UInt64)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let major = UInt64(parts[0]), let minor = UInt64(parts[1]) else { return nil }
        return (major, minor)
    }

    /// The host's total CPU time in nanoseconds (the first line of /proc/stat), the CLI's denominator.
    static func systemCPUUsage() -> UInt64 {
        guard let text = try? FileSystem.readString("/proc/stat"),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return 0 }
        let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { UInt64($0) }.reduce(0, +)
        return ticks * (1_000_000_000 / UInt64(max(1, sysconf(Int32(_SC_CLK_TCK)))))
    }

    /// MemTotal in bytes.
    static func hostMemory() -> UInt64 {
        guard let text = try? FileSystem.readString("/proc/meminfo"),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }) else { return UInt64(Int64.max) }
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { UInt64($0) } ?? 0
        return kilobytes * 1024
    }
}
