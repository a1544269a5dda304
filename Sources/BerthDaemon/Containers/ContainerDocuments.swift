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
}

/// A container's run state (the row's `state` JSON).
struct ContainerStateDocument: Codable, Sendable {
    var status: String  // created, running, exited
    var pid: Int32?
    var exitCode: Int?
    var startedAt: String?
    var finishedAt: String?
}
