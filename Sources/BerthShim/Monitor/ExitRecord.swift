import OCI

/// How the container ended, as written to exit.json and sent to `wait`:
/// `{"exitCode":137,"oomKilled":true,"finishedAt":"2026-…Z"}`.
public struct ExitRecord: Sendable, Equatable {
    /// The exit code, or 128+signal when the init was killed.
    public var exitCode: Int32
    /// Whether the memory cgroup's OOM killer killed a process of the container.
    public var oomKilled: Bool
    /// When the shim reaped the init (RFC 3339, nanoseconds, UTC).
    public var finishedAt: String

    /// A record from its fields.
    public init(exitCode: Int32, oomKilled: Bool, finishedAt: String) {
        self.exitCode = exitCode
        self.oomKilled = oomKilled
        self.finishedAt = finishedAt
    }

    /// The JSON members, for exit.json and for replies that embed them.
    public var members: [(String, JSONValue)] {
        [("exitCode", .number(String(exitCode))), ("oomKilled", .bool(oomKilled)), ("finishedAt", .string(finishedAt))]
    }

    /// The exit.json document.
    public var json: String { JSONValue.object(members).serialized() }

    /// Reads an exit.json document back; nil when it is not one.
    public init?(json: String) {
        guard let value = try? JSONParser.parse(json), let code = value["exitCode"]?.int64Value,
            let oom = value["oomKilled"]?.boolValue, let finished = value["finishedAt"]?.stringValue
        else { return nil }
        self.init(exitCode: Int32(truncatingIfNeeded: code), oomKilled: oom, finishedAt: finished)
    }
}
