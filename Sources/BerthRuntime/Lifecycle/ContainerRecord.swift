import Glibc
import OCI

/// What the runtime remembers about a container between commands, stored as
/// `<root>/<id>/state.json`. The pid's start time guards against pid reuse.
struct ContainerRecord: Codable {
    var id: String
    var bundle: String
    var rootfs: String
    var pid: Int32
    var pidStartTime: String
    var created: String
    var cgroupPath: String
    var annotations: [String: String]?
}
