/// Inspect's `State`: what the container is doing, and how its last run ended.
/// Times are RFC 3339; never is "0001-01-01T00:00:00Z", as Go's zero time.
public struct ContainerInspectState: Sendable, Equatable, GoStyleEncodable {
    /// created, running, paused, restarting, removing, exited or dead.
    public var Status: String
    public var Running: Bool
    public var Paused: Bool
    public var Restarting: Bool
    public var OOMKilled: Bool
    public var Dead: Bool
    public var Pid: Int
    public var ExitCode: Int
    public var Error: String
    public var StartedAt: String
    public var FinishedAt: String

    /// Go's zero time, as dockerd prints a time that never happened.
    public static let zeroTime = "0001-01-01T00:00:00Z"

    /// A state from its status; the flags follow dockerd (paused and restarting count as running).
    public init(status: String, pid: Int = 0, exitCode: Int = 0, error: String = "", oomKilled: Bool = false,
                startedAt: String? = nil, finishedAt: String? = nil) {
        Status = status
        Running = status == "running" || status == "paused" || status == "restarting"
        Paused = status == "paused"
        Restarting = status == "restarting"
        OOMKilled = oomKilled
        Dead = status == "dead"
        Pid = Running ? pid : 0
        ExitCode = exitCode
        Error = error
        StartedAt = startedAt ?? Self.zeroTime
        FinishedAt = finishedAt ?? Self.zeroTime
    }
}
