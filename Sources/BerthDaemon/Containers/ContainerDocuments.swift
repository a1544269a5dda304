import BerthAPI

/// A container's configuration as berthd keeps it (the row's `config` JSON):
/// the create request merged with its image's defaults, plus the request's
/// HostConfig as sent (so inspect can echo it and `update` can change it).
struct ContainerConfigDocument: Codable, Sendable {
    var imageID: String
    var imageName: String
    /// Entrypoint + Cmd: what the runtime executes.
    var args: [String]
    var env: [String]
    var workingDir: String
    var hostname: String
    var labels: [String: String]
    var resources: ContainerResources?
    var readonlyRootfs: Bool?
    /// The resolved Entrypoint and Cmd (inspect's Config shows them apart).
    var entrypoint: [String]?
    var cmd: [String]?
    var domainname: String?
    /// `user`, `user:group`, `uid` or `uid:gid`; empty is root.
    var user: String?
    var tty: Bool?
    var openStdin: Bool?
    var stdinOnce: Bool?
    var attachStdin: Bool?
    var attachStdout: Bool?
    var attachStderr: Bool?
    var stopSignal: String?
    var stopTimeout: Int?
    var exposedPorts: [String: BerthAPI.EmptyObject]?
    var volumes: [String: BerthAPI.EmptyObject]?
    var hostConfig: HostConfig?
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
    var status: String  // created, running, paused, restarting, exited, removing, dead
    var pid: Int32?
    var exitCode: Int?
    var startedAt: String?
    var finishedAt: String?
    var oomKilled: Bool?
    var error: String?
    /// How many times the restart policy has restarted the container.
    var restartCount: Int?
    /// Set by an explicit stop/kill, so `unless-stopped`/`always` stay down.
    var stoppedByUser: Bool?
}
