import LinuxSys

/// One request line on the control socket. The protocol is a line of words
/// per request and one line of JSON per reply, so `socat`/`nc` can drive it.
public enum ControlCommand: Sendable, Equatable {
    /// `status`: pid, running, and the exit record once there is one.
    case status
    /// `wait`: replies when the container has exited.
    case wait
    /// `kill SIGNAL [all]`: the runtime's kill (`--all` for every process).
    case kill(signal: String, all: Bool)
    /// `shutdown`: the shim exits (refused while the container runs).
    case shutdown
    /// `attach`: reserved for streaming stdio (a later issue).
    case attach

    /// Parses one line (without its newline); a message on bad input.
    public static func parse(_ line: String) -> Result<ControlCommand, ControlCommandError> {
        let words = line.splitBytes(0x20).map(String.init)
        guard let verb = words.first else { return .failure(ControlCommandError("empty request")) }
        switch (verb, words.count) {
        case ("status", 1): return .success(.status)
        case ("wait", 1): return .success(.wait)
        case ("shutdown", 1): return .success(.shutdown)
        case ("attach", _): return .success(.attach)
        case ("kill", 2), ("kill", 3):
            let signal = words[1]
            let valid = !signal.isEmpty && signal.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte) || byte == 0x2b
            }
            guard valid else { return .failure(ControlCommandError("invalid signal \"\(signal)\"")) }
            if words.count == 3 && words[2] != "all" {
                return .failure(ControlCommandError("usage: kill SIGNAL [all]"))
            }
            return .success(.kill(signal: signal, all: words.count == 3))
        case ("kill", _): return .failure(ControlCommandError("usage: kill SIGNAL [all]"))
        default: return .failure(ControlCommandError("unknown request \"\(verb)\""))
        }
    }
}

/// Why a control request was refused; sent back as `{"error":"…"}`.
public struct ControlCommandError: Error, Sendable, Equatable {
    /// The message for the client.
    public let message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
}
