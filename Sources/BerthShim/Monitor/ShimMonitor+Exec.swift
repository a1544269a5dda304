import CLinuxSys
import Glibc
import LinuxSys

/// The exec process's side of its stdio, made at launch and handed to the
/// runtime's `exec` when `start` comes (so attach clients connect first).
struct PendingExec {
    var stdin: FileDescriptor
    var stdout: FileDescriptor
    var stderr: FileDescriptor
    var consoleListener: FileDescriptor?
}

extension ShimMonitor {
    /// Exec mode: pipes (or a console socket for --tty) for a process the
    /// runtime will start inside the running container.
    mutating func prepareExec() throws(ShimError) {
        do {
            let null = try FileDescriptor.open("/dev/null", O_RDWR)
            let errors = try makePipe()
            try Self.setNonBlocking(errors.read)
            if options.tty {
                let listener = try UnixListener.listen(options.consoleSocketPath, mode: 0o600, backlog: 1)
                pendingExec = PendingExec(stdin: null, stdout: null, stderr: errors.write, consoleListener: listener)
                sources = [LogSource(fd: errors.read, stream: "stderr")]
                return
            }
            let output = try makePipe()
            try Self.setNonBlocking(output.read)
            var input = null
            if options.stdin {
                let pipe = try makePipe()
                try Self.setNonBlocking(pipe.write)
                input = pipe.read
                stdinWriter = pipe.write
            }
            pendingExec = PendingExec(stdin: input, stdout: output.write, stderr: errors.write, consoleListener: nil)
            sources = [LogSource(fd: output.read, stream: "stdout"), LogSource(fd: errors.read, stream: "stderr")]
        } catch {
            throw ShimError("prepare the exec's stdio", error)
        }
    }

    /// Spawns `runtime exec --process FILE ID`: the runtime waits for the
    /// process and exits with its status, so it stands in for the "init".
    mutating func spawnExec() throws(ShimError) {
        guard var pending = pendingExec, let process = options.execProcess else { return }
        pendingExec = nil
        awaitingStart = false
        var arguments = [options.runtime, "--root", options.runtimeRoot, "exec", "--process", process]
        if options.tty { arguments += ["--console-socket", options.consoleSocketPath] }
        arguments.append(options.id)
        defer {
            for fd in Set([pending.stdin.rawValue, pending.stdout.rawValue, pending.stderr.rawValue]) { close(fd) }
            if let listener = pending.consoleListener {
                listener.close()
                unlink(options.consoleSocketPath)
            }
        }
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(options.runtime, arguments, stdin: pending.stdin, stdout: pending.stdout, stderr: pending.stderr)
        } catch {
            throw ShimError("start the runtime's exec", error)
        }
        initPID = pid
        let handle = berth_pidfd_open(pid, 0)
        initHandle = handle >= 0 ? FileDescriptor(rawValue: handle) : nil
        if let listener = pending.consoleListener {
            // The runtime connects once the process has its terminal.
            var ready = pollfd(fd: listener.rawValue, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 10_000) > 0, let connection = UnixListener.accept(listener, nonBlocking: false) else {
                pending.consoleListener = listener
                return
            }
            defer { connection.close() }
            if let master = try? Terminal.receiveDescriptor(over: connection) {
                try? master.setCloseOnExec(true)
                try? Self.setNonBlocking(master)
                if let size = pendingSize { try? Terminal.setWindowSize(master, rows: size.rows, columns: size.columns) }
                sources.insert(LogSource(fd: master, stream: "stdout", isTerminal: true), at: 0)
                if options.stdin { stdinWriter = master }
            }
        }
    }
}

extension ShimMonitor {
    /// No `start` came in time: delete the created container (its init is
    /// killed, reaped and recorded as usual), or for an exec simply end.
    mutating func abandonStart() {
        awaitingStart = false
        if let pending = pendingExec {
            pendingExec = nil
            for fd in Set([pending.stdin.rawValue, pending.stdout.rawValue, pending.stderr.rawValue]) { close(fd) }
            if let listener = pending.consoleListener {
                listener.close()
                unlink(options.consoleSocketPath)
            }
            shutdownRequested = true
        } else {
            runtime.forceDelete()
        }
    }
}
