import BerthAPI

/// `--ulimit` names and their setrlimit(2) resources, as docker's go-units
/// parses them, so a bad name is refused at create, not at start.
enum UlimitPolicy {
    /// The names docker accepts ("nofile" → RLIMIT_NOFILE).
    static let names: Set<String> = [
        "as", "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc",
        "rss", "rtprio", "rttime", "sigpending", "stack",
    ]

    /// Why a limit is refused, or nil (go-units' wording).
    static func refusal(_ limit: Ulimit) -> String? {
        if !names.contains(limit.Name) { return "invalid ulimit type: \(limit.Name)" }
        if limit.Soft > limit.Hard { return "ulimit soft limit must be less than or equal to hard limit: \(limit.Soft) > \(limit.Hard)" }
        if limit.Soft < -1 || limit.Hard < -1 { return "invalid ulimit argument: \(limit.Name)=\(limit.Soft):\(limit.Hard)" }
        return nil
    }

    /// The OCI rlimit type ("RLIMIT_NOFILE"); -1 (unlimited) becomes RLIM_INFINITY.
    static func rlimitType(_ name: String) -> String { "RLIMIT_" + name.uppercased() }

    /// -1 is unlimited.
    static func value(_ number: Int64) -> UInt64 { number < 0 ? UInt64.max : UInt64(number) }
}
