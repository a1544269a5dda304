// JSON mapping for Resources, DeviceCgroupRule, MemoryResources, CPUResources and PidsResources.

extension Resources: JSONMappable {
    /// Reads `linux.resources`; every controller is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            devices: try r.optionalObjects("devices"),
            memory: try r.optionalObject("memory"),
            cpu: try r.optionalObject("cpu"),
            pids: try r.optionalObject("pids"),
            unified: try r.optionalStringMap("unified")
        )
    }

    /// The `resources` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.objects("devices", devices)
        w.object("memory", memory)
        w.object("cpu", cpu)
        w.object("pids", pids)
        w.stringMap("unified", unified)
        return w.value
    }
}

extension DeviceCgroupRule: JSONMappable {
    /// Reads one device-cgroup rule; `allow` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            allow: try r.bool("allow"),
            type: try r.optionalString("type"),
            major: try r.optionalInteger("major"),
            minor: try r.optionalInteger("minor"),
            access: try r.optionalString("access")
        )
    }

    /// One device-cgroup rule.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.bool("allow", allow)
        w.string("type", type)
        w.integer("major", major)
        w.integer("minor", minor)
        w.string("access", access)
        return w.value
    }
}

extension MemoryResources: JSONMappable {
    /// Reads `resources.memory`; every limit is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            limit: try r.optionalInteger("limit"),
            reservation: try r.optionalInteger("reservation"),
            swap: try r.optionalInteger("swap"),
            swappiness: try r.optionalInteger("swappiness"),
            disableOOMKiller: try r.optionalBool("disableOOMKiller")
        )
    }

    /// The `memory` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.integer("limit", limit)
        w.integer("reservation", reservation)
        w.integer("swap", swap)
        w.integer("swappiness", swappiness)
        w.bool("disableOOMKiller", disableOOMKiller)
        return w.value
    }
}

extension CPUResources: JSONMappable {
    /// Reads `resources.cpu`; every field is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            shares: try r.optionalInteger("shares"),
            quota: try r.optionalInteger("quota"),
            period: try r.optionalInteger("period"),
            cpus: try r.optionalString("cpus"),
            mems: try r.optionalString("mems")
        )
    }

    /// The `cpu` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 5)
        w.integer("shares", shares)
        w.integer("quota", quota)
        w.integer("period", period)
        w.string("cpus", cpus)
        w.string("mems", mems)
        return w.value
    }
}

extension PidsResources: JSONMappable {
    /// Reads `resources.pids`; `limit` is required.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(limit: try r.integer("limit"))
    }

    /// The `pids` object.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 1)
        w.integer("limit", limit)
        return w.value
    }
}
