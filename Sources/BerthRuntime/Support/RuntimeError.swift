import LinuxSys

/// An error the runtime reports to its caller: one clear sentence, printed to
/// stderr, and a non-zero exit. Engines (berthd, containerd) show it verbatim.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension RuntimeError {
    /// Wraps a system error with what the runtime was trying to do.
    init(_ doing: String, _ error: any Error) {
        self.message = "\(doing): \(error)"
    }
}
