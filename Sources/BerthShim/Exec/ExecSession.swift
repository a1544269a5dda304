import Glibc
import LinuxSys

/// One process the container's shim runs inside the running container for
/// berthd's exec (containerd's shim does the same): the runtime's `exec`,
/// which stands in for the process and exits with its status, the process's
/// stdio, the connection it streams to, and who waits for its end.
struct ExecSession {
    /// The exec's key (its directory's name under --exec-root).
    let id: String
    /// --exec-root/ID: process.json in; init.pid, console.sock and exit.json out.
    let directory: String
    /// The runtime's `exec`, the shim's child.
    let runtimePID: pid_t
    /// A pidfd for the runtime: readable when it exits (nil without pidfd_open).
    var exitHandle: FileDescriptor?
    /// Raw bytes (TTY) rather than Docker's frames.
    let tty: Bool
    /// The process's output: stdout and stderr pipes, or the pty master.
    var sources: [LogSource]
    /// Client input for the process.
    var stdin: StdinForwarder
    /// The requesting connection, once it has become the stream (zero or one).
    var clients: [AttachStream] = []
    /// Control connections waiting for the end (`wait-exec`).
    var waiters: [Int] = []
    /// The runtime's status, once reaped.
    var status: ExitStatus?
    /// Output still arriving after the exit is read until then.
    var drainDeadline = 0.0
    /// When the runtime was reaped (RFC 3339).
    var reapedAt = ""
    /// Set once exit.json is written: the session goes when its client is served.
    var record: String?

    /// The exit code as berthd reports it: the process's, or 126 when the
    /// runtime failed before the process started (no init.pid), as dockerd.
    func exitCode(_ status: ExitStatus) -> Int32 {
        if status != .exited(0), !FileSystem.exists(directory + "/init.pid") { return 126 }
        return status.shellCode
    }

    /// Whether the output is read (and relayed) now: not while the client's queue is full.
    var throttled: Bool { clients.contains { $0.outbound.count > AttachStream.highWater } }
}
