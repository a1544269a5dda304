import LinuxSys

/// One of the container's output streams the shim reads: the stdout or
/// stderr pipe, or the pty master (one "stdout" stream of raw terminal output).
public struct LogSource {
    /// The read end (non-blocking).
    public let fd: FileDescriptor
    /// "stdout" or "stderr", as json-file records name it.
    public let stream: String
    /// A pty master: EIO means the terminal's last user has gone.
    public let isTerminal: Bool
    /// Cuts the stream into log messages.
    public var splitter = LineSplitter()

    /// A source reading `fd` as `stream`.
    public init(fd: FileDescriptor, stream: String, isTerminal: Bool = false) {
        self.fd = fd
        self.stream = stream
        self.isTerminal = isTerminal
    }
}
