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
    /// `attach [stdin] [stdout] [stderr] [stdin-once]`: after the `{"ok":true}`
    /// reply the connection becomes the container's stdio stream (Docker's
    /// 8-byte frames without a TTY, raw bytes with one; stdin goes up raw).
    case attach(AttachOptions)
    /// `start`: with --await-start, runs the runtime's start (after attaches).
    case start
    /// `resize ROWS COLUMNS`: the container's terminal size.
    case resize(rows: UInt16, columns: UInt16)

    /// Parses one line (without its newline); a message on bad input.
    public static func parse(_ line: String) -> Result<ControlCommand, ControlCommandError> {
        let words = line.splitBytes(0x20).map(String.init)
        guard let verb = words.first else { return .failure(ControlCommandError("empty request")) }
        switch (verb, words.count) {
        case ("status", 1): return .success(.status)
        case ("wait", 1): return .success(.wait)
        case ("shutdown", 1): return .success(.shutdown)
        case ("start", 1): return .success(.start)
        case ("attach", _):
            var options = AttachOptions()
            for word in words.dropFirst() {
                switch word {
                case "stdin": options.stdin = true
                case "stdout": options.stdout = true
                case "stderr": options.stderr = true
                case "stdin-once": options.stdinOnce = true
                default: return .failure(ControlCommandError("unknown attach stream \"\(word)\""))
                }
            }
            return .success(.attach(options))
        case ("resize", 3):
            guard let rows = UInt16(words[1]), let columns = UInt16(words[2]) else {
                return .failure(ControlCommandError("usage: resize ROWS COLUMNS"))
            }
            return .success(.resize(rows: rows, columns: columns))
        case ("resize", _): return .failure(ControlCommandError("usage: resize ROWS COLUMNS"))
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

/// Which of the container's streams an attach connection carries.
public struct AttachOptions: Sendable, Equatable {
    /// Client bytes go to the container's stdin.
    public var stdin = false
    /// The container's stdout comes down.
    public var stdout = false
    /// The container's stderr comes down.
    public var stderr = false
    /// The container's stdin is closed when this client closes its side.
    public var stdinOnce = false
    /// Nothing attached.
    public init(stdin: Bool = false, stdout: Bool = false, stderr: Bool = false, stdinOnce: Bool = false) {
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.stdinOnce = stdinOnce
    }
}

/// Why a control request was refused; sent back as `{"error":"…"}`.
public struct ControlCommandError: Error, Sendable, Equatable {
    /// The message for the client.
    public let message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
}
