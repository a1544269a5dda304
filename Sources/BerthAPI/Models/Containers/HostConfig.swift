/// `HostConfig` of `POST /containers/create` (Docker's field names), kept as
/// sent so inspect can echo it; Berth honours resources, restart policy,
/// mounts, privileges, limits and logging, and carries the rest (ports, DNS,
/// namespaces modes) for the parts of the engine that use them. Encoded the Go
/// way (every key, nil as null), as dockerd shows it.
public struct HostConfig: Codable, Sendable, GoStyleEncodable {
    // Files and logging.
    public var Binds: [String]?
    public var ContainerIDFile: String?
    public var LogConfig: LogConfig?
    // Networking.
    public var NetworkMode: String?
    public var PortBindings: [String: [PortBinding]?]?
    // Lifecycle.
    public var RestartPolicy: RestartPolicy?
    public var AutoRemove: Bool?
    // Volumes.
    public var VolumeDriver: String?
    public var VolumesFrom: [String]?
    public var ConsoleSize: [Int]?
    public var Annotations: [String: String]?
    // Privileges and namespaces.
    public var CapAdd: [String]?
    public var CapDrop: [String]?
    public var CgroupnsMode: String?
    public var Dns: [String]?
    public var DnsOptions: [String]?
    public var DnsSearch: [String]?
    public var ExtraHosts: [String]?
    public var GroupAdd: [String]?
    public var IpcMode: String?
    public var Cgroup: String?
    public var Links: [String]?
    public var OomScoreAdj: Int?
    public var PidMode: String?
    public var Privileged: Bool?
    public var PublishAllPorts: Bool?
    public var ReadonlyRootfs: Bool?
    public var SecurityOpt: [String]?
    public var StorageOpt: [String: String]?
    public var Tmpfs: [String: String]?
    public var UTSMode: String?
    public var UsernsMode: String?
    public var ShmSize: Int64?
    public var Sysctls: [String: String]?
    public var Runtime: String?
    public var Isolation: String?
    // Resources.
    public var CpuShares: Int64?
    public var Memory: Int64?
    public var NanoCpus: Int64?
    public var CgroupParent: String?
    public var BlkioWeight: Int?
    public var BlkioWeightDevice: [JSONPassthrough]?
    public var BlkioDeviceReadBps: [JSONPassthrough]?
    public var BlkioDeviceWriteBps: [JSONPassthrough]?
    public var BlkioDeviceReadIOps: [JSONPassthrough]?
    public var BlkioDeviceWriteIOps: [JSONPassthrough]?
    public var CpuPeriod: Int64?
    public var CpuQuota: Int64?
    public var CpuRealtimePeriod: Int64?
    public var CpuRealtimeRuntime: Int64?
    public var CpusetCpus: String?
    public var CpusetMems: String?
    public var Devices: [JSONPassthrough]?
    public var DeviceCgroupRules: [String]?
    public var DeviceRequests: [JSONPassthrough]?
    public var MemoryReservation: Int64?
    public var MemorySwap: Int64?
    public var MemorySwappiness: Int64?
    public var OomKillDisable: Bool?
    public var PidsLimit: Int64?
    public var Ulimits: [Ulimit]?
    public var CpuCount: Int64?
    public var CpuPercent: Int64?
    public var IOMaximumIOps: Int64?
    public var IOMaximumBandwidth: Int64?
    // Mounts (`--mount`), init, paths.
    public var Mounts: [ContainerMount]?
    public var MaskedPaths: [String]?
    public var ReadonlyPaths: [String]?
    public var Init: Bool?

    /// An empty HostConfig.
    public init() {}

    public static var omittedWhenEmpty: Set<String> { ["Annotations", "StorageOpt", "Tmpfs", "Sysctls", "Mounts", "Init"] }
}

/// One `PortBindings` entry: `{"HostIp":"127.0.0.1","HostPort":"8080"}`.
public struct PortBinding: Codable, Sendable, Equatable {
    public var HostIp: String?
    public var HostPort: String?
    /// A binding of a host address and port.
    public init(hostIP: String? = nil, hostPort: String? = nil) {
        HostIp = hostIP
        HostPort = hostPort
    }
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
