// JSON mapping for ContainerState (the output of `berth-runtime state`).

extension ContainerState: JSONMappable {
    /// Reads a state document; `ociVersion`, `id`, `status` and `bundle` are required, `pid` is optional.
    public init(json: JSONValue) throws(JSONMappingError) {
        let r = try JSONObjectReader(json)
        self.init(
            ociVersion: try r.string("ociVersion"),
            id: try r.string("id"),
            status: try r.string("status"),
            pid: try r.optionalInteger("pid"),
            bundle: try r.string("bundle"),
            rootfs: try r.optionalString("rootfs"),
            created: try r.optionalString("created"),
            annotations: try r.optionalStringMap("annotations")
        )
    }

    /// The state document, as `state ID` prints it.
    public var json: JSONValue {
        var w = JSONObjectWriter(capacity: 8)
        w.string("ociVersion", ociVersion)
        w.string("id", id)
        w.string("status", status)
        w.integer("pid", pid)
        w.string("bundle", bundle)
        w.string("rootfs", rootfs)
        w.string("created", created)
        w.stringMap("annotations", annotations)
        return w.value
    }
}
