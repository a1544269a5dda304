/// One sample of `GET /containers/{id}/stats` (`docker stats`), in dockerd's
/// shape: the CLI computes CPU % from `cpu_stats` against `precpu_stats`,
/// memory from `memory_stats` (usage minus inactive file cache), and PIDs and
/// block I/O from their sections. Networks are left out (no per-container
/// network accounting yet), which the CLI shows as 0B / 0B.
public struct ContainerStats: Codable, Sendable, Equatable {
    public var read: String
    public var preread: String
    public var pids_stats: PidsStats
    public var blkio_stats: BlkioStats
    public var num_procs: Int
    public var cpu_stats: CPUStats
    public var precpu_stats: CPUStats
    public var memory_stats: MemoryStats
    public var name: String
    public var id: String

    /// A sample for the container `id` named `name` (with its leading `/`).
    public init(
        read: String, preread: String, pids: PidsStats, blkio: BlkioStats, cpu: CPUStats, precpu: CPUStats,
        memory: MemoryStats, name: String, id: String
    ) {
        self.read = read
        self.preread = preread
        pids_stats = pids
        blkio_stats = blkio
        num_procs = 0
        cpu_stats = cpu
        precpu_stats = precpu
        memory_stats = memory
        self.name = name
        self.id = id
    }

    /// `pids_stats`: processes now and the cgroup's cap (0 = none).
    public struct PidsStats: Codable, Sendable, Equatable {
        public var current: UInt64?
        public var limit: UInt64?
        public init(current: UInt64? = nil, limit: UInt64? = nil) {
            self.current = current
            self.limit = limit
        }
    }

    /// `blkio_stats`: bytes read and written per device (`op` "read"/"write").
    public struct BlkioStats: Codable, Sendable, Equatable {
        public var io_service_bytes_recursive: [BlkioEntry]?
        public var io_serviced_recursive: [BlkioEntry]?
        public init(serviceBytes: [BlkioEntry]? = nil, serviced: [BlkioEntry]? = nil) {
            io_service_bytes_recursive = serviceBytes
            io_serviced_recursive = serviced
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(io_service_bytes_recursive, forKey: .io_service_bytes_recursive)
            try container.encode(io_serviced_recursive, forKey: .io_serviced_recursive)
        }
    }

    /// One device's counter.
    public struct BlkioEntry: Codable, Sendable, Equatable {
        public var major: UInt64
        public var minor: UInt64
        public var op: String
        public var value: UInt64
        public init(major: UInt64, minor: UInt64, op: String, value: UInt64) {
            self.major = major
            self.minor = minor
            self.op = op
            self.value = value
        }
    }

    /// `cpu_stats` / `precpu_stats`: nanoseconds of CPU time, the host's total, and throttling.
    public struct CPUStats: Codable, Sendable, Equatable {
        public var cpu_usage: CPUUsage
        public var system_cpu_usage: UInt64?
        public var online_cpus: UInt32?
        public var throttling_data: Throttling
        public init(usage: CPUUsage = CPUUsage(), system: UInt64? = nil, onlineCPUs: UInt32? = nil, throttling: Throttling = Throttling()) {
            cpu_usage = usage
            system_cpu_usage = system
            online_cpus = onlineCPUs
            throttling_data = throttling
        }
    }

    /// `cpu_usage`: the container's CPU time, in total, per CPU (v1) and by mode.
    public struct CPUUsage: Codable, Sendable, Equatable {
        public var total_usage: UInt64
        public var percpu_usage: [UInt64]?
        public var usage_in_kernelmode: UInt64
        public var usage_in_usermode: UInt64
        public init(total: UInt64 = 0, perCPU: [UInt64]? = nil, kernel: UInt64 = 0, user: UInt64 = 0) {
            total_usage = total
            percpu_usage = perCPU
            usage_in_kernelmode = kernel
            usage_in_usermode = user
        }
    }

    /// `throttling_data`: CFS periods, throttled periods and throttled nanoseconds.
    public struct Throttling: Codable, Sendable, Equatable {
        public var periods: UInt64
        public var throttled_periods: UInt64
        public var throttled_time: UInt64
        public init(periods: UInt64 = 0, throttledPeriods: UInt64 = 0, throttledTime: UInt64 = 0) {
            self.periods = periods
            throttled_periods = throttledPeriods
            throttled_time = throttledTime
        }
    }

    /// `memory_stats`: usage, its peak, the limit, and the cgroup's memory.stat counters.
    public struct MemoryStats: Codable, Sendable, Equatable {
        public var usage: UInt64?
        public var max_usage: UInt64?
        public var stats: [String: UInt64]?
        public var failcnt: UInt64?
        public var limit: UInt64?
        public init(usage: UInt64? = nil, maxUsage: UInt64? = nil, stats: [String: UInt64]? = nil, failcnt: UInt64? = nil, limit: UInt64? = nil) {
            self.usage = usage
            max_usage = maxUsage
            self.stats = stats
            self.failcnt = failcnt
            self.limit = limit
        }
    }
}
