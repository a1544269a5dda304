/// A failure the CLI reports and exits on: the text docker would print on
/// stderr (may be empty) and the exit status (1, or 125/126/127 for run).
public struct CLIError: Error, CustomStringConvertible {
    public let message: String
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }

    /// Runs `body`; a `berth: …` error it throws gets docker's `Run 'berth X --help'` hint.
    static func withHelpHint<T>(_ command: String, _ body: () throws(CLIError) -> T) throws(CLIError) -> T {
        do { return try body() } catch {
            guard error.message.hasPrefix("berth: ") else { throw error }
            throw CLIError(error.message + "\n\nRun 'berth \(command) --help' for more information", exitCode: error.exitCode)
        }
    }

    /// Exits quietly with a status (a container's exit code).
    static func status(_ code: Int32) -> CLIError { CLIError("", exitCode: code) }
}

/// An error response from the daemon: its HTTP status and `message`.
public struct DaemonError: Error, CustomStringConvertible {
    public let status: Int
    public let message: String

    /// `Error response from daemon: <message>`, docker's wording.
    public var description: String { "Error response from daemon: \(message)" }

    /// Whether this is a "no such …" answer.
    var isNotFound: Bool { status == 404 }
}
