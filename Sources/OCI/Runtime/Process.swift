/// The program a container runs (or an `exec` adds) and the identity,
/// privileges and limits it runs with.
public struct Process: Codable, Sendable, Equatable {
    public var terminal: Bool?
    public var consoleSize: ConsoleSize?
    public var user: User
    public var args: [String]?
    public var env: [String]?
    public var cwd: String
    public var capabilities: Capabilities?
    public var rlimits: [Rlimit]?
    public var noNewPrivileges: Bool?
    public var apparmorProfile: String?
    public var oomScoreAdj: Int?
    public var selinuxLabel: String?

    public init(
        terminal: Bool? = nil, consoleSize: ConsoleSize? = nil, user: User = User(), args: [String]? = nil,
        env: [String]? = nil, cwd: String = "/", capabilities: Capabilities? = nil, rlimits: [Rlimit]? = nil,
        noNewPrivileges: Bool? = nil, apparmorProfile: String? = nil, oomScoreAdj: Int? = nil,
        selinuxLabel: String? = nil
    ) {
        self.terminal = terminal
        self.consoleSize = consoleSize
        self.user = user
        self.args = args
        self.env = env
        self.cwd = cwd
        self.capabilities = capabilities
        self.rlimits = rlimits
        self.noNewPrivileges = noNewPrivileges
        self.apparmorProfile = apparmorProfile
        self.oomScoreAdj = oomScoreAdj
        self.selinuxLabel = selinuxLabel
    }
}

/// A terminal's initial size.
public struct ConsoleSize: Codable, Sendable, Equatable {
    public var height: UInt
    public var width: UInt
    public init(height: UInt, width: UInt) {
        self.height = height
        self.width = width
    }
}

/// Numeric identity of the process inside the container.
public struct User: Codable, Sendable, Equatable {
    public var uid: UInt32
    public var gid: UInt32
    public var umask: UInt32?
    public var additionalGids: [UInt32]?
    public var username: String?
    public init(uid: UInt32 = 0, gid: UInt32 = 0, umask: UInt32? = nil, additionalGids: [UInt32]? = nil, username: String? = nil) {
        self.uid = uid
        self.gid = gid
        self.umask = umask
        self.additionalGids = additionalGids
        self.username = username
    }
}

/// The five capability sets, by name ("CAP_SYS_ADMIN").
public struct Capabilities: Codable, Sendable, Equatable {
    public var bounding: [String]?
    public var effective: [String]?
    public var inheritable: [String]?
    public var permitted: [String]?
    public var ambient: [String]?
    public init(
        bounding: [String]? = nil, effective: [String]? = nil, inheritable: [String]? = nil,
        permitted: [String]? = nil, ambient: [String]? = nil
    ) {
        self.bounding = bounding
        self.effective = effective
        self.inheritable = inheritable
        self.permitted = permitted
        self.ambient = ambient
    }
}

/// One resource limit ("RLIMIT_NOFILE").
public struct Rlimit: Codable, Sendable, Equatable {
    public var type: String
    public var hard: UInt64
    public var soft: UInt64
    public init(type: String, hard: UInt64, soft: UInt64) {
        self.type = type
        self.hard = hard
        self.soft = soft
    }
}
