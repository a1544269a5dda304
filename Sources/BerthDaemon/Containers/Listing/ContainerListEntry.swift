import BerthAPI

/// What `docker ps` filters look at, for one container: a snapshot made from
/// its stored row, so filtering needs no store and can be unit tested.
struct ContainerListEntry: Sendable {
    var id: String
    /// Without the leading "/".
    var name: String
    /// Seconds since the epoch, for newest-first order.
    var created: Double
    var status: String
    var exitCode: Int
    var hasStarted: Bool
    var labels: [String: String]
    var imageID: String
    var mounts: [MountPoint]
    var networkMode: String

    /// Running in dockerd's sense: paused and restarting containers count.
    var isRunning: Bool { status == "running" || status == "paused" || status == "restarting" }
}
