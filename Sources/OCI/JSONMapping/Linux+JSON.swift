// JSON mapping for Linux, Namespace, IDMapping, Device, Seccomp, SeccompSyscall and SeccompArg.

extension Linux: JSONMappable {
    /// Reads `linux`; every field is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            uidMappings: try r.optionalObjects("uidMappings"),
            gidMappings: try r.optionalObjects("gidMappings"),
            sysctl: try r.optionalStringMap("sysctl"),
            resources: try r.optionalObject("resources"),
            cgroupsPath: try r.optionalString("cgroupsPath"),
            namespaces: try r.optionalObjects("namespaces"),
            devices: try r.optionalObjects("devices"),
            seccomp: try r.optionalObject("seccomp"),
            rootfsPropagation: try r.optionalString("rootfsPropagation"),
            maskedPaths: try r.optionalStrings("maskedPaths"),
            readonlyPaths: try r.optionalStrings("readonlyPaths"),
            mountLabel: try r.optionalString("mountLabel")
        )
    }

    /// The `linux` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 12)
        w.objects("uidMappings", uidMappings)
        w.objects("gidMappings", gidMappings)
        w.stringMap("sysctl", sysctl)
        w.object("resources", resources)
        w.string("cgroupsPath", cgroupsPath)
        w.objects("namespaces", namespaces)
        w.objects("devices", devices)
        w.object("seccomp", seccomp)
        w.string("rootfsPropagation", rootfsPropagation)
        w.strings("maskedPaths", maskedPaths)
        w.strings("readonlyPaths", readonlyPaths)
        w.string("mountLabel", mountLabel)
        return w.value
    }
}

extension Namespace: JSONMappable {
    /// Reads one `namespaces` entry; `type` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(type: try r.string("type"), path: try r.optionalString("path"))
    }

    /// One `namespaces` entry.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 2)
        w.string("type", type)
        w.string("path", path)
        return w.value
    }
}

extension IDMapping: JSONMappable {
    /// Reads one uid/gid mapping; all three 32-bit fields are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(containerID: try r.integer("containerID"), hostID: try r.integer("hostID"), size: try r.integer("size"))
    }

    /// One uid/gid mapping.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 3)
        w.integer("containerID", containerID)
        w.integer("hostID", hostID)
        w.integer("size", size)
        return w.value
    }
}

extension Device: JSONMappable {
    /// Reads one `devices` entry; `type` and `path` are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            type: try r.string("type"),
            path: try r.string("path"),
            major: try r.optionalInteger("major"),
            minor: try r.optionalInteger("minor"),
            fileMode: try r.optionalInteger("fileMode"),
            uid: try r.optionalInteger("uid"),
            gid: try r.optionalInteger("gid")
        )
    }

    /// One `devices` entry.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 7)
        w.string("type", type)
        w.string("path", path)
        w.integer("major", major)
        w.integer("minor", minor)
        w.integer("fileMode", fileMode)
        w.integer("uid", uid)
        w.integer("gid", gid)
        return w.value
    }
}

extension Seccomp: JSONMappable {
    /// Reads `linux.seccomp`; `defaultAction` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            defaultAction: try r.string("defaultAction"),
            defaultErrnoRet: try r.optionalInteger("defaultErrnoRet"),
            architectures: try r.optionalStrings("architectures"),
            flags: try r.optionalStrings("flags"),
            syscalls: try r.optionalObjects("syscalls")
        )
    }

    /// The `seccomp` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.string("defaultAction", defaultAction)
        w.integer("defaultErrnoRet", defaultErrnoRet)
        w.strings("architectures", architectures)
        w.strings("flags", flags)
        w.objects("syscalls", syscalls)
        return w.value
    }
}

extension SeccompSyscall: JSONMappable {
    /// Reads one seccomp rule; `names` and `action` are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            names: try r.strings("names"),
            action: try r.string("action"),
            errnoRet: try r.optionalInteger("errnoRet"),
            args: try r.optionalObjects("args")
        )
    }

    /// One seccomp rule.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 4)
        w.strings("names", names)
        w.string("action", action)
        w.integer("errnoRet", errnoRet)
        w.objects("args", args)
        return w.value
    }
}

extension SeccompArg: JSONMappable {
    /// Reads one argument condition; `index`, `value` and `op` are required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            index: try r.integer("index"),
            value: try r.integer("value"),
            valueTwo: try r.optionalInteger("valueTwo"),
            op: try r.string("op")
        )
    }

    /// One argument condition.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 4)
        w.integer("index", index)
        w.integer("value", value)
        w.integer("valueTwo", valueTwo)
        w.string("op", op)
        return w.value
    }
}
