/// One entry of a container's `Mounts` (inspect and ps): a bind, a volume or
/// a `--mount` tmpfs as dockerd reports it. (`--tmpfs` mounts are not listed, as in dockerd.)
public struct MountPoint: Sendable, Equatable, GoStyleEncodable {
    /// bind, volume or tmpfs.
    public var `Type`: String
    /// The volume's name (volumes only).
    public var Name: String?
    public var Source: String
    public var Destination: String
    /// "local" for volumes.
    public var Driver: String?
    /// The mode text as given (`ro`, `z`, …).
    public var Mode: String
    public var RW: Bool
    public var Propagation: String

    public static var omittedWhenEmpty: Set<String> { ["Name", "Driver"] }

    /// A mount point with every field given.
    public init(type: String, name: String? = nil, source: String, destination: String, driver: String? = nil,
                mode: String, rw: Bool, propagation: String) {
        self.Type = type
        Name = name
        Source = source
        Destination = destination
        Driver = driver
        Mode = mode
        RW = rw
        Propagation = propagation
    }
}
