// JSON mapping for Process, ConsoleSize, User, Capabilities and Rlimit.

extension Process: JSONMappable {
    /// Reads `process`; `user` and `cwd` are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            terminal: try r.optionalBool("terminal"),
            consoleSize: try r.optionalObject("consoleSize"),
            user: try r.object("user"),
            args: try r.optionalStrings("args"),
            env: try r.optionalStrings("env"),
            cwd: try r.string("cwd"),
            capabilities: try r.optionalObject("capabilities"),
            rlimits: try r.optionalObjects("rlimits"),
            noNewPrivileges: try r.optionalBool("noNewPrivileges"),
            apparmorProfile: try r.optionalString("apparmorProfile"),
            oomScoreAdj: try r.optionalInteger("oomScoreAdj"),
            selinuxLabel: try r.optionalString("selinuxLabel")
        )
    }

    /// The `process` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 12)
        w.bool("terminal", terminal)
        w.object("consoleSize", consoleSize)
        w.object("user", user)
        w.strings("args", args)
        w.strings("env", env)
        w.string("cwd", cwd)
        w.object("capabilities", capabilities)
        w.objects("rlimits", rlimits)
        w.bool("noNewPrivileges", noNewPrivileges)
        w.string("apparmorProfile", apparmorProfile)
        w.integer("oomScoreAdj", oomScoreAdj)
        w.string("selinuxLabel", selinuxLabel)
        return w.value
    }
}

extension ConsoleSize: JSONMappable {
    /// Reads `consoleSize`; both dimensions are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(height: try r.integer("height"), width: try r.integer("width"))
    }

    /// The `consoleSize` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 2)
        w.integer("height", height)
        w.integer("width", width)
        return w.value
    }
}

extension User: JSONMappable {
    /// Reads `process.user`; `uid` and `gid` are required 32-bit ids.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            uid: try r.integer("uid"),
            gid: try r.integer("gid"),
            umask: try r.optionalInteger("umask"),
            additionalGids: try r.optionalIntegers("additionalGids"),
            username: try r.optionalString("username")
        )
    }

    /// The `user` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.integer("uid", uid)
        w.integer("gid", gid)
        w.integer("umask", umask)
        w.integers("additionalGids", additionalGids)
        w.string("username", username)
        return w.value
    }
}

extension Capabilities: JSONMappable {
    /// Reads `process.capabilities`; every set is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            bounding: try r.optionalStrings("bounding"),
            effective: try r.optionalStrings("effective"),
            inheritable: try r.optionalStrings("inheritable"),
            permitted: try r.optionalStrings("permitted"),
            ambient: try r.optionalStrings("ambient")
        )
    }

    /// The `capabilities` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.strings("bounding", bounding)
        w.strings("effective", effective)
        w.strings("inheritable", inheritable)
        w.strings("permitted", permitted)
        w.strings("ambient", ambient)
        return w.value
    }
}

extension Rlimit: JSONMappable {
    /// Reads one `rlimits` entry; all three fields are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(type: try r.string("type"), hard: try r.integer("hard"), soft: try r.integer("soft"))
    }

    /// One `rlimits` entry.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 3)
        w.string("type", type)
        w.integer("hard", hard)
        w.integer("soft", soft)
        return w.value
    }
}
