/// `POST /containers/{id}/update`'s body (`docker update`): the CLI sends
/// every field, zero where the flag was not given — zero means "leave as is".
public struct ContainerUpdateRequest: Codable, Sendable, Equatable {
    public var Memory: Int64?
    public var MemorySwap: Int64?
    public var MemoryReservation: Int64?
    public var NanoCpus: Int64?
    public var CpuShares: Int64?
    public var CpuQuota: Int64?
    public var CpuPeriod: Int64?
    public var CpusetCpus: String?
    public var CpusetMems: String?
    public var PidsLimit: Int64?
    public var RestartPolicy: Restart?

    /// An update with only the given fields.
    public init(
        memory: Int64? = nil, memorySwap: Int64? = nil, nanoCpus: Int64? = nil, cpuShares: Int64? = nil,
        cpuQuota: Int64? = nil, cpuPeriod: Int64? = nil, cpusetCpus: String? = nil, pidsLimit: Int64? = nil,
        restartPolicy: Restart? = nil
    ) {
        Memory = memory
        MemorySwap = memorySwap
        NanoCpus = nanoCpus
        CpuShares = cpuShares
        CpuQuota = cpuQuota
        CpuPeriod = cpuPeriod
        CpusetCpus = cpusetCpus
        PidsLimit = pidsLimit
        RestartPolicy = restartPolicy
    }

    /// HostConfig.RestartPolicy: `no`, `always`, `on-failure` (with a retry cap), `unless-stopped`.
    public struct Restart: Codable, Sendable, Equatable {
        public var Name: String?
        public var MaximumRetryCount: Int?

        /// A policy by Docker's name.
        public init(name: String?, maximumRetryCount: Int? = nil) {
            Name = name
            MaximumRetryCount = maximumRetryCount
        }
    }
}
