/// `GET /containers/{id}/json` (`docker inspect`): a container as dockerd
/// describes it — configuration as created, HostConfig with defaults filled,
/// run state, storage and mounts. The CLI's `logs`, `start -a`, `port` and
/// `exec` read it too, so Config, HostConfig, State and NetworkSettings are
/// always present.
public struct ContainerInspect: Sendable, GoStyleEncodable {
    public var Id: String
    /// RFC 3339 with nanoseconds.
    public var Created: String
    public var Path: String
    public var Args: [String]
    public var State: ContainerInspectState
    /// The image ID ("sha256:…").
    public var Image: String
    public var ResolvConfPath: String
    public var HostnamePath: String
    public var HostsPath: String
    public var LogPath: String
    /// "/name".
    public var Name: String
    public var RestartCount: Int
    public var Driver: String
    public var Platform: String
    public var MountLabel: String
    public var ProcessLabel: String
    public var AppArmorProfile: String
    public var ExecIDs: [String]?
    public var HostConfig: HostConfig
    public var GraphDriver: GraphDriverData
    /// Only with `?size=1`.
    public var SizeRw: Int64?
    public var SizeRootFs: Int64?
    public var Mounts: [MountPoint]
    public var Config: ContainerInspectConfig
    public var NetworkSettings: NetworkSettings

    public static var omittedWhenEmpty: Set<String> { ["SizeRw", "SizeRootFs"] }

    /// A document with every field given; optional parts default as dockerd's do.
    public init(
        id: String, created: String, path: String, args: [String], state: ContainerInspectState, image: String,
        name: String, logPath: String, hostConfig: HostConfig, graphDriver: GraphDriverData,
        mounts: [MountPoint], config: ContainerInspectConfig, restartCount: Int = 0,
        resolvConfPath: String = "", hostnamePath: String = "", hostsPath: String = "",
        execIDs: [String]? = nil, networkSettings: BerthAPI.NetworkSettings = BerthAPI.NetworkSettings()
    ) {
        Id = id
        Created = created
        Path = path
        Args = args
        State = state
        Image = image
        ResolvConfPath = resolvConfPath
        HostnamePath = hostnamePath
        HostsPath = hostsPath
        LogPath = logPath
        Name = name
        RestartCount = restartCount
        Driver = "overlay2"
        Platform = "linux"
        MountLabel = ""
        ProcessLabel = ""
        AppArmorProfile = ""
        ExecIDs = execIDs
        HostConfig = hostConfig
        GraphDriver = graphDriver
        Mounts = mounts
        Config = config
        NetworkSettings = networkSettings
    }
}
