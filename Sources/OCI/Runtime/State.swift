/// The OCI `state` of a container, as `runtime state ID` prints it.
public struct ContainerState: Codable, Sendable, Equatable {
    public var ociVersion: String
    public var id: String
    /// "creating", "created", "running", "paused" or "stopped".
    public var status: String
    public var pid: Int32?
    public var bundle: String
    public var rootfs: String?
    public var created: String?
    public var annotations: [String: String]?
    public init(
        ociVersion: String = "1.0.2", id: String, status: String, pid: Int32?, bundle: String,
        rootfs: String? = nil, created: String? = nil, annotations: [String: String]? = nil
    ) {
        self.ociVersion = ociVersion
        self.id = id
        self.status = status
        self.pid = pid
        self.bundle = bundle
        self.rootfs = rootfs
        self.created = created
        self.annotations = annotations
    }
}
