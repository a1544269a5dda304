/// The OCI runtime-spec `config.json`: everything a runtime needs to turn a
/// bundle into a running container. Field names follow the spec exactly so the
/// file round-trips with runc and containerd.
public struct Spec: Codable, Sendable, Equatable {
    public var ociVersion: String
    public var process: Process?
    public var root: Root?
    public var hostname: String?
    public var domainname: String?
    public var mounts: [Mount]?
    public var hooks: Hooks?
    public var annotations: [String: String]?
    public var linux: Linux?

    public init(
        ociVersion: String = "1.0.2", process: Process? = nil, root: Root? = nil, hostname: String? = nil,
        domainname: String? = nil, mounts: [Mount]? = nil, hooks: Hooks? = nil,
        annotations: [String: String]? = nil, linux: Linux? = nil
    ) {
        self.ociVersion = ociVersion
        self.process = process
        self.root = root
        self.hostname = hostname
        self.domainname = domainname
        self.mounts = mounts
        self.hooks = hooks
        self.annotations = annotations
        self.linux = linux
    }
}

/// The container's root filesystem, relative to the bundle unless absolute.
public struct Root: Codable, Sendable, Equatable {
    public var path: String
    public var readonly: Bool?
    public init(path: String, readonly: Bool? = nil) {
        self.path = path
        self.readonly = readonly
    }
}

/// One filesystem mounted into the container.
public struct Mount: Codable, Sendable, Equatable {
    public var destination: String
    public var type: String?
    public var source: String?
    public var options: [String]?
    public init(destination: String, type: String? = nil, source: String? = nil, options: [String]? = nil) {
        self.destination = destination
        self.type = type
        self.source = source
        self.options = options
    }
}

/// Programs the runtime runs at points of the container's life.
public struct Hooks: Codable, Sendable, Equatable {
    public var prestart: [Hook]?
    public var createRuntime: [Hook]?
    public var createContainer: [Hook]?
    public var startContainer: [Hook]?
    public var poststart: [Hook]?
    public var poststop: [Hook]?
    public init(
        prestart: [Hook]? = nil, createRuntime: [Hook]? = nil, createContainer: [Hook]? = nil,
        startContainer: [Hook]? = nil, poststart: [Hook]? = nil, poststop: [Hook]? = nil
    ) {
        self.prestart = prestart
        self.createRuntime = createRuntime
        self.createContainer = createContainer
        self.startContainer = startContainer
        self.poststart = poststart
        self.poststop = poststop
    }
}

/// One hook: a program with arguments, environment and an optional timeout (seconds).
public struct Hook: Codable, Sendable, Equatable {
    public var path: String
    public var args: [String]?
    public var env: [String]?
    public var timeout: Int?
    public init(path: String, args: [String]? = nil, env: [String]? = nil, timeout: Int? = nil) {
        self.path = path
        self.args = args
        self.env = env
        self.timeout = timeout
    }
}
