// JSON mapping for Spec, Root, Mount, Hooks and Hook (config.json top level).

extension Spec: JSONMappable {
    /// Reads a config.json tree; `ociVersion` is required, everything else optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            ociVersion: try r.string("ociVersion"),
            process: try r.optionalObject("process"),
            root: try r.optionalObject("root"),
            hostname: try r.optionalString("hostname"),
            domainname: try r.optionalString("domainname"),
            mounts: try r.optionalObjects("mounts"),
            hooks: try r.optionalObject("hooks"),
            annotations: try r.optionalStringMap("annotations"),
            linux: try r.optionalObject("linux")
        )
    }

    /// The config.json tree, byte-for-byte what `JSONValueEncoder` would produce.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 9)
        w.string("ociVersion", ociVersion)
        w.object("process", process)
        w.object("root", root)
        w.string("hostname", hostname)
        w.string("domainname", domainname)
        w.objects("mounts", mounts)
        w.object("hooks", hooks)
        w.stringMap("annotations", annotations)
        w.object("linux", linux)
        return w.value
    }
}

extension Root: JSONMappable {
    /// Reads `root`; `path` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(path: try r.string("path"), readonly: try r.optionalBool("readonly"))
    }

    /// The `root` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 2)
        w.string("path", path)
        w.bool("readonly", readonly)
        return w.value
    }
}

extension Mount: JSONMappable {
    /// Reads one `mounts` entry; `destination` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            destination: try r.string("destination"),
            type: try r.optionalString("type"),
            source: try r.optionalString("source"),
            options: try r.optionalStrings("options")
        )
    }

    /// One `mounts` entry.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 4)
        w.string("destination", destination)
        w.string("type", type)
        w.string("source", source)
        w.strings("options", options)
        return w.value
    }
}

extension Hooks: JSONMappable {
    /// Reads `hooks`; every phase is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            prestart: try r.optionalObjects("prestart"),
            createRuntime: try r.optionalObjects("createRuntime"),
            createContainer: try r.optionalObjects("createContainer"),
            startContainer: try r.optionalObjects("startContainer"),
            poststart: try r.optionalObjects("poststart"),
            poststop: try r.optionalObjects("poststop")
        )
    }

    /// The `hooks` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 6)
        w.objects("prestart", prestart)
        w.objects("createRuntime", createRuntime)
        w.objects("createContainer", createContainer)
        w.objects("startContainer", startContainer)
        w.objects("poststart", poststart)
        w.objects("poststop", poststop)
        return w.value
    }
}

extension Hook: JSONMappable {
    /// Reads one hook; `path` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            path: try r.string("path"),
            args: try r.optionalStrings("args"),
            env: try r.optionalStrings("env"),
            timeout: try r.optionalInteger("timeout")
        )
    }

    /// One hook object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 4)
        w.string("path", path)
        w.strings("args", args)
        w.strings("env", env)
        w.integer("timeout", timeout)
        return w.value
    }
}
