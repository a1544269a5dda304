/// cgroup limits for the container.
public struct Resources: Codable, Sendable, Equatable {
    public var devices: [DeviceCgroupRule]?
    public var memory: MemoryResources?
    public var cpu: CPUResources?
    public var pids: PidsResources?
    public var unified: [String: String]?
    public init(
        devices: [DeviceCgroupRule]? = nil, memory: MemoryResources? = nil, cpu: CPUResources? = nil,
        pids: PidsResources? = nil, unified: [String: String]? = nil
    ) {
        self.devices = devices
        self.memory = memory
        self.cpu = cpu
        self.pids = pids
        self.unified = unified
    }
}

/// A device-cgroup allow/deny rule.
public struct DeviceCgroupRule: Codable, Sendable, Equatable {
    public var allow: Bool
    public var type: String?
    public var major: Int64?
    public var minor: Int64?
    public var access: String?
    public init(allow: Bool, type: String? = nil, major: Int64? = nil, minor: Int64? = nil, access: String? = nil) {
        self.allow = allow
        self.type = type
        self.major = major
        self.minor = minor
        self.access = access
    }
}

/// Memory limits in bytes; -1 means unlimited.
public struct MemoryResources: Codable, Sendable, Equatable {
    public var limit: Int64?
    public var reservation: Int64?
    public var swap: Int64?
    public var swappiness: UInt64?
    public var disableOOMKiller: Bool?
    public init(limit: Int64? = nil, reservation: Int64? = nil, swap: Int64? = nil, swappiness: UInt64? = nil, disableOOMKiller: Bool? = nil) {
        self.limit = limit
        self.reservation = reservation
        self.swap = swap
        self.swappiness = swappiness
        self.disableOOMKiller = disableOOMKiller
    }
}

/// CPU weight, bandwidth and placement.
public struct CPUResources: Codable, Sendable, Equatable {
    public var shares: UInt64?
    public var quota: Int64?
    public var period: UInt64?
    public var cpus: String?
    public var mems: String?
    public init(shares: UInt64? = nil, quota: Int64? = nil, period: UInt64? = nil, cpus: String? = nil, mems: String? = nil) {
        self.shares = shares
        self.quota = quota
        self.period = period
        self.cpus = cpus
        self.mems = mems
    }
}

/// The maximum number of tasks; 0 or negative means unlimited.
public struct PidsResources: Codable, Sendable, Equatable {
    public var limit: Int64
    public init(limit: Int64) { self.limit = limit }
}
