import Glibc
import LinuxSys

/// Runs the OCI runtime's commands for one container (runc's command line:
/// `--root R create|start|kill|delete … ID`) and turns failures into messages
/// carrying the runtime's own error text.
public struct RuntimeClient: Sendable {
    /// The runtime binary.
    public let binary: String
    /// Its `--root`.
    public let root: String
    /// The container id.
    public let id: String

    /// A client for one container.
    public init(binary: String, root: String, id: String) {
        self.binary = binary
        self.root = root
        self.id = id
    }

    /// `create --bundle B --pid-file P [--console-socket S] ID` with the
    /// container's stdio as the runtime's (the init inherits it). Returns the
    /// runtime's exit status; `stderr` is a pipe whose read end the caller
    /// holds, to read the error text from when the status is not 0.
    public func create(
        bundle: String, pidFile: String, consoleSocket: String?,
        stdin: FileDescriptor, stdout: FileDescriptor, stderr: FileDescriptor
    ) throws(ShimError) -> ExitStatus {
        var arguments = [binary, "--root", root, "create", "--bundle", bundle, "--pid-file", pidFile]
        if let consoleSocket { arguments += ["--console-socket", consoleSocket] }
        arguments.append(id)
        do {
            let pid = try ChildProcess.spawn(binary, arguments, stdin: stdin, stdout: stdout, stderr: stderr)
            return try waitForExit(pid)
        } catch {
            throw ShimError("run runtime \(binary)", error)
        }
    }

    /// `start ID`.
    public func start() throws(ShimError) {
        try run(["start", id], action: "start")
    }

    /// `kill [--all] ID SIGNAL`.
    public func kill(signal: String, all: Bool) throws(ShimError) {
        try run(["kill"] + (all ? ["--all"] : []) + [id, signal], action: "kill")
    }

    /// `delete --force ID`: cleanup after a failed start.
    public func forceDelete() {
        _ = try? ChildProcess.run(binary, [binary, "--root", root, "delete", "--force", id])
    }

    private func run(_ command: [String], action: String) throws(ShimError) {
        let result: (status: ExitStatus, errorOutput: String)
        do {
            result = try ChildProcess.run(binary, [binary, "--root", root] + command)
        } catch {
            throw ShimError("run runtime \(binary)", error)
        }
        guard result.status == .exited(0) else {
            throw Self.failure(action, result.status, result.errorOutput)
        }
    }

    /// "runtime create failed (exit 1): <the runtime's message>".
    static func failure(_ action: String, _ status: ExitStatus, _ output: String) -> ShimError {
        var text = Substring(output)
        while let last = text.utf8.last, last == 0x0a || last == 0x20 || last == 0x0d { text = text.dropLast() }
        let how: String
        switch status {
        case .exited(let code): how = "exit \(code)"
        case .signaled(let signal): how = "signal \(signal)"
        }
        return ShimError("runtime \(action) failed (\(how))" + (text.isEmpty ? "" : ": " + text))
    }
}
