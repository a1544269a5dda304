/// A container's configuration as berthd keeps it (the row's `config` JSON):
/// the create request merged with its image's defaults.
struct ContainerConfigDocument: Codable, Sendable {
    var imageID: String
    var imageName: String
    var args: [String]
    var env: [String]
    var workingDir: String
    var hostname: String
    var labels: [String: String]
    var resources: ContainerResources?
    var readonlyRootfs: Bool?
    /// HostConfig.RestartPolicy as `docker update --restart` last set it.
    var restartPolicy: ContainerRestartPolicy?
}

/// HostConfig.RestartPolicy: Docker's name (no, always, on-failure, unless-stopped) and retry cap.
struct ContainerRestartPolicy: Codable, Sendable {
    var name: String
    var maximumRetryCount: Int
}

/// The limits a container runs with (HostConfig's resource fields).
struct ContainerResources: Codable, Sendable {
    var memory: Int64?
    var memorySwap: Int64?
    var memoryReservation: Int64?
    var nanoCPUs: Int64?
    var cpuShares: Int64?
    var cpuQuota: Int64?
    var cpuPeriod: Int64?
    var cpusetCpus: String?
    var pidsLimit: Int64?
}

/// A container's run state (the row's `state` JSON).
struct ContainerStateDocument: Codable, Sendable {
    var status: String  // created, running, exited
    var pid: Int32?
    var exitCode: Int?
    var startedAt: String?
    var finishedAt: String?
    /// Frozen by `docker pause` (status stays "running").
    var paused: Bool?
}
