/// One row of `GET /containers/json` (`docker ps`). The CLI prints `Status`
/// verbatim and cuts the first character off each name, so names start with "/".
public struct ContainerSummary: Sendable, GoStyleEncodable {
    public var Id: String
    public var Names: [String]
    public var Image: String
    public var ImageID: String
    /// Path and arguments, arguments with spaces in single quotes (dockerd's quoting).
    public var Command: String
    /// Unix seconds.
    public var Created: Int64
    public var Ports: [Port]
    /// Only with `?size=1`.
    public var SizeRw: Int64?
    public var SizeRootFs: Int64?
    public var Labels: [String: String]
    public var State: String
    /// "Up 3 seconds", "Exited (0) 2 minutes ago", "Created", …
    public var Status: String
    public var HostConfig: SummaryHostConfig
    public var NetworkSettings: SummaryNetworkSettings
    public var Mounts: [MountPoint]

    public static var omittedWhenEmpty: Set<String> { ["SizeRw", "SizeRootFs"] }

    /// A row with no ports, mounts or networks.
    public init(id: String, name: String, image: String, imageID: String, command: String, created: Int64,
                state: String, status: String, labels: [String: String]) {
        Id = id
        Names = ["/" + name]
        Image = image
        ImageID = imageID
        Command = command
        Created = created
        State = state
        Status = status
        Ports = []
        Labels = labels
        HostConfig = SummaryHostConfig(NetworkMode: "default")
        NetworkSettings = SummaryNetworkSettings(Networks: [:])
        Mounts = []
    }

    /// ps's `HostConfig`: only the network mode.
    public struct SummaryHostConfig: Sendable, Codable, Equatable {
        public var NetworkMode: String
        /// The container's network mode ("default", "host", a network name).
        public init(NetworkMode: String) { self.NetworkMode = NetworkMode }
    }

    /// ps's `NetworkSettings`: only the networks.
    public struct SummaryNetworkSettings: Sendable, Codable, Equatable {
        public var Networks: [String: JSONPassthrough]
        /// Network name → endpoint settings.
        public init(Networks: [String: JSONPassthrough]) { self.Networks = Networks }
    }
}

/// A port of a `docker ps` row: `{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}`.
public struct Port: Sendable, Codable, Equatable, GoStyleEncodable {
    public var IP: String?
    public var PrivatePort: Int
    public var PublicPort: Int?
    public var `Type`: String

    public static var omittedWhenEmpty: Set<String> { ["IP", "PublicPort"] }

    /// A private port, published when `publicPort` is given.
    public init(ip: String? = nil, privatePort: Int, publicPort: Int? = nil, type: String) {
        IP = ip
        PrivatePort = privatePort
        PublicPort = publicPort
        self.Type = type
    }
}
