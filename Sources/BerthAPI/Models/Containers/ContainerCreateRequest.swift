/// `POST /containers/create`'s body: a container's Config with its HostConfig
/// (Docker's field names). Unknown fields are ignored, as dockerd ignores them;
/// the same type is kept as the container's stored Config so inspect can echo it.
public struct ContainerCreateRequest: Codable, Sendable {
    public var Hostname: String?
    public var Domainname: String?
    public var User: String?
    public var AttachStdin: Bool?
    public var AttachStdout: Bool?
    public var AttachStderr: Bool?
    public var ExposedPorts: [String: EmptyObject]?
    public var Tty: Bool?
    public var OpenStdin: Bool?
    public var StdinOnce: Bool?
    public var Env: [String]?
    public var Cmd: [String]?
    public var Image: String?
    public var Volumes: [String: EmptyObject]?
    public var WorkingDir: String?
    public var Entrypoint: [String]?
    public var Labels: [String: String]?
    public var StopSignal: String?
    public var StopTimeout: Int?
    public var HostConfig: HostConfig?

    /// An empty request (every field unset).
    public init() {}
}

/// `{}` — the value type of Docker's set-like maps (ExposedPorts, Volumes).
public struct EmptyObject: Codable, Sendable, Equatable {
    /// The empty object.
    public init() {}
}
