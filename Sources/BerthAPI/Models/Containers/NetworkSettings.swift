/// Inspect's `NetworkSettings` (and ps's, without the top-level addresses):
/// present even before networking fills it, because `docker port` reads
/// `Ports` from it and panics when it is missing.
public struct NetworkSettings: Sendable, GoStyleEncodable {
    public var Bridge: String
    public var SandboxID: String
    public var HairpinMode: Bool
    public var LinkLocalIPv6Address: String
    public var LinkLocalIPv6PrefixLen: Int
    /// "80/tcp" → host bindings (null when exposed but not published).
    public var Ports: [String: [PortBinding]?]
    public var SandboxKey: String
    public var SecondaryIPAddresses: [JSONPassthrough]?
    public var SecondaryIPv6Addresses: [JSONPassthrough]?
    public var EndpointID: String
    public var Gateway: String
    public var GlobalIPv6Address: String
    public var GlobalIPv6PrefixLen: Int
    public var IPAddress: String
    public var IPPrefixLen: Int
    public var IPv6Gateway: String
    public var MacAddress: String
    /// Network name → endpoint settings.
    public var Networks: [String: JSONPassthrough]

    /// Settings of a container with no network attached yet.
    public init(ports: [String: [PortBinding]?] = [:], networks: [String: JSONPassthrough] = [:]) {
        Bridge = ""
        SandboxID = ""
        HairpinMode = false
        LinkLocalIPv6Address = ""
        LinkLocalIPv6PrefixLen = 0
        Ports = ports
        SandboxKey = ""
        EndpointID = ""
        Gateway = ""
        GlobalIPv6Address = ""
        GlobalIPv6PrefixLen = 0
        IPAddress = ""
        IPPrefixLen = 0
        IPv6Gateway = ""
        MacAddress = ""
        Networks = networks
    }
}
