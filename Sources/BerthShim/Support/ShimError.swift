import LinuxSys

/// A failure the shim reports to its starter (berthd): what it was doing and,
/// when a system call failed, why — so the daemon can show it to the user as is.
public struct ShimError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The whole message, e.g. "open log file /x/y.log: Permission denied".
    public let description: String

    /// A message of the shim's own.
    public init(_ message: String) { description = message }

    /// What the shim was doing, then the failed call's reason.
    public init(_ action: String, _ error: SystemError) {
        description = "\(action): \(error.reason)"
    }
}
