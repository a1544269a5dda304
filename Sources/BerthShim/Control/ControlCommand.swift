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
    /// `resize ROWS COLUMNS [EXEC]`: the container's terminal size, or an exec's.
    case resize(rows: UInt16, columns: UInt16, exec: String?)
    /// `exec ID [tty] [stdin] [stdout] [stderr] [stdin-once]`: runs --exec-root/ID/process.json in the
    /// container; after `{"ok":true}` a request with streams turns the connection into the exec's stream.
    case exec(ExecRequest)
    /// `wait-exec ID`: replies with the exec's exit record once it has ended.
    case waitExec(String)

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
                guard options.set(word) else { return .failure(ControlCommandError("unknown attach stream \"\(word)\"")) }
            }
            return .success(.attach(options))
        case ("exec", 2...):
            guard ExecRequest.isValidID(words[1]) else { return .failure(ControlCommandError("invalid exec id \"\(words[1])\"")) }
            var request = ExecRequest(id: words[1])
            for word in words.dropFirst(2) {
                if word == "tty" {
                    request.tty = true
                } else if !request.streams.set(word) {
                    return .failure(ControlCommandError("unknown exec option \"\(word)\""))
                }
            }
            return .success(.exec(request))
        case ("exec", _): return .failure(ControlCommandError("usage: exec ID [tty] [stdin] [stdout] [stderr] [stdin-once]"))
        case ("wait-exec", 2):
            guard ExecRequest.isValidID(words[1]) else { return .failure(ControlCommandError("invalid exec id \"\(words[1])\"")) }
            return .success(.waitExec(words[1]))
        case ("wait-exec", _): return .failure(ControlCommandError("usage: wait-exec ID"))
        case ("resize", 3), ("resize", 4):
            guard let rows = UInt16(words[1]), let columns = UInt16(words[2]) else {
                return .failure(ControlCommandError("usage: resize ROWS COLUMNS [EXEC]"))
            }
            let exec = words.count == 4 ? words[3] : nil
            if let exec, !ExecRequest.isValidID(exec) { return .failure(ControlCommandError("invalid exec id \"\(exec)\"")) }
            return .success(.resize(rows: rows, columns: columns, exec: exec))
        case ("resize", _): return .failure(ControlCommandError("usage: resize ROWS COLUMNS [EXEC]"))
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
    /// Turns on the stream a request word names; false for an unknown word.
    mutating func set(_ word: String) -> Bool {
        switch word {
        case "stdin": stdin = true
        case "stdout": stdout = true
        case "stderr": stderr = true
        case "stdin-once": stdinOnce = true
        default: return false
        }
        return true
    }

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
