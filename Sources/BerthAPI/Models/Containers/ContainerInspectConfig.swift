/// Inspect's `Config`: the container's configuration as created — the request
/// merged with its image's defaults (Cmd, Env, Labels, Volumes, …).
public struct ContainerInspectConfig: Sendable, GoStyleEncodable {
    public var Hostname: String
    public var Domainname: String
    public var User: String
    public var AttachStdin: Bool
    public var AttachStdout: Bool
    public var AttachStderr: Bool
    public var ExposedPorts: [String: EmptyObject]?
    public var Tty: Bool
    public var OpenStdin: Bool
    public var StdinOnce: Bool
    public var Env: [String]?
    public var Cmd: [String]?
    public var Image: String
    public var Volumes: [String: EmptyObject]?
    public var WorkingDir: String
    public var Entrypoint: [String]?
    public var OnBuild: [String]?
    public var Labels: [String: String]
    public var StopSignal: String?
    public var StopTimeout: Int?

    public static var omittedWhenEmpty: Set<String> { ["ExposedPorts", "StopSignal", "StopTimeout"] }

    /// A Config for `image` with everything else empty.
    public init(image: String) {
        Hostname = ""
        Domainname = ""
        User = ""
        AttachStdin = false
        AttachStdout = false
        AttachStderr = false
        Tty = false
        OpenStdin = false
        StdinOnce = false
        Image = image
        WorkingDir = ""
        Labels = [:]
    }
}
