/// The HostConfig fields Berth honours (Docker's names): resources, restart
/// policy, mounts, privileges and logging. Kept as sent, so inspect shows it.
public struct HostConfig: Codable, Sendable {
    // Resources.
    public var Memory: Int64?
    public var MemorySwap: Int64?
    public var MemoryReservation: Int64?
    public var NanoCpus: Int64?
    public var CpuShares: Int64?
    public var CpuQuota: Int64?
    public var CpuPeriod: Int64?
    public var CpusetCpus: String?
    public var PidsLimit: Int64?
    public var OomKillDisable: Bool?
    // Lifecycle.
    public var RestartPolicy: RestartPolicy?
    public var AutoRemove: Bool?
    public var LogConfig: LogConfig?
    // Filesystem.
    public var Binds: [String]?
    public var Tmpfs: [String: String]?
    public var ReadonlyRootfs: Bool?
    public var ShmSize: Int64?
    // Privileges and process.
    public var CapAdd: [String]?
    public var CapDrop: [String]?
    public var Privileged: Bool?
    public var Init: Bool?
    public var Ulimits: [Ulimit]?
    public var Sysctls: [String: String]?
    public var OomScoreAdj: Int?
    public var GroupAdd: [String]?
    public var SecurityOpt: [String]?
    public var NetworkMode: String?
    public var ConsoleSize: [Int]?

    /// An empty HostConfig.
    public init() {}
}

/// `HostConfig.RestartPolicy`: no, on-failure (with a retry cap), always, unless-stopped.
public struct RestartPolicy: Codable, Sendable, Equatable {
    public var Name: String?
    public var MaximumRetryCount: Int?
    /// A policy by name.
    public init(name: String, maximumRetryCount: Int = 0) {
        Name = name
        MaximumRetryCount = maximumRetryCount
    }
}

/// `HostConfig.LogConfig`: the log driver and its options (json-file's max-size, max-file).
public struct LogConfig: Codable, Sendable, Equatable {
    public var `Type`: String?
    public var Config: [String: String]?
    /// A driver with options.
    public init(type: String, config: [String: String] = [:]) {
        self.Type = type
        Config = config
    }
}

/// One `--ulimit name=soft:hard`.
public struct Ulimit: Codable, Sendable, Equatable {
    public var Name: String
    public var Soft: Int64
    public var Hard: Int64
    /// A limit by name ("nofile", "nproc", …).
    public init(name: String, soft: Int64, hard: Int64) {
        Name = name
        Soft = soft
        Hard = hard
    }
}
