import CLinuxSys
import Glibc
import LinuxSys

extension ShimMonitor {
    /// `exec ID …`: runs the runtime's `exec` for --exec-root/ID/process.json
    /// in this (running) container. The reply is `{"ok":true}` once the
    /// process runs; a request with streams then turns the connection into
    /// the exec's stream, which ends after the process and its output.
    mutating func startExec(_ serial: Int, _ request: ExecRequest) {
        guard let root = options.execRoot else {
            control.send(Self.errorReply("this shim was started without --exec-root"), to: serial)
            return
        }
        guard initStatus == nil, exitRecord == nil, !awaitingStart else {
            control.send(Self.errorReply("the container is not running"), to: serial)
            return
        }
        guard !execs.contains(where: { $0.id == request.id }) else {
            control.send(Self.errorReply("exec \(request.id) is already running"), to: serial)
            return
        }
        let session: ExecSession
        do {
            session = try launchExec(request, directory: Path.join(root, request.id))
        } catch {
            control.send(Self.errorReply(error.description), to: serial)
            return
        }
        execs.append(session)
        control.send(#"{"ok":true}"#, to: serial)
        guard request.attached, let (fd, leftover) = control.takeOver(serial) else { return }
        let index = execs.count - 1
        var streams = request.streams
        if execs[index].stdin.writer == nil { streams.stdin = false }
        if streams.stdin && !leftover.isEmpty { execs[index].stdin.pending.append(leftover) }
        execs[index].clients.append(AttachStream(fd: fd, options: streams, raw: request.tty))
    }

    /// Spawns `runtime exec --process … --pid-file … [--console-socket …] ID`
    /// with pipes (or, with a TTY, takes the pty master the runtime hands
    /// over). Without streams the process's stdio is /dev/null.
    private mutating func launchExec(_ request: ExecRequest, directory: String) throws(ShimError) -> ExecSession {
        let pidFile = Path.join(directory, "init.pid")
        let consoleSocket = Path.join(directory, "console.sock")
        for stale in [pidFile, Path.join(directory, "exit.json"), consoleSocket] { unlink(stale) }
        var arguments = [runtime.binary, "--root", runtime.root, "exec", "--process", Path.join(directory, "process.json"),
                         "--pid-file", pidFile]
        if request.tty { arguments += ["--console-socket", consoleSocket] }
        arguments.append(runtime.id)
        var childEnds: [FileDescriptor] = []
        var kept: [FileDescriptor] = []
        var listener: FileDescriptor?
        var succeeded = false
        defer {
            for fd in childEnds { fd.close() }
            if let listener {
                listener.close()
                unlink(consoleSocket)
            }
            if !succeeded { for fd in kept { fd.close() } }
        }
        var sources: [LogSource] = []
        var stdinWriter: FileDescriptor?
        let pid: pid_t
        do {
            let null = try FileDescriptor.open("/dev/null", O_RDWR)
            childEnds.append(null)
            var stdio = (stdin: null, stdout: null, stderr: null)
            if request.attached {
                // The runtime's own complaints (no such command…) reach the client on stderr.
                let errors = try makePipe()
                childEnds.append(errors.write)
                kept.append(errors.read)
                try Self.setNonBlocking(errors.read)
                sources.append(LogSource(fd: errors.read, stream: "stderr"))
                stdio.stderr = errors.write
                if request.tty {
                    listener = try UnixListener.listen(consoleSocket, mode: 0o600, backlog: 1)
                } else {
                    let output = try makePipe()
                    childEnds.append(output.write)
                    kept.append(output.read)
                    try Self.setNonBlocking(output.read)
                    sources.insert(LogSource(fd: output.read, stream: "stdout"), at: 0)
                    stdio.stdout = output.write
                    if request.streams.stdin {
                        let input = try makePipe()
                        childEnds.append(input.read)
                        kept.append(input.write)
                        try Self.setNonBlocking(input.write)
                        stdio.stdin = input.read
                        stdinWriter = input.write
                    }
                }
            }
            pid = try ChildProcess.spawn(runtime.binary, arguments, stdin: stdio.stdin, stdout: stdio.stdout, stderr: stdio.stderr)
        } catch {
            throw ShimError("start the runtime's exec", error)
        }
        let handle = berth_pidfd_open(pid, 0)
        let exitHandle = handle >= 0 ? FileDescriptor(rawValue: handle) : nil
        if let listener, let master = Self.receiveTerminal(listener, runtimeExit: exitHandle) {
            if let size = pendingExecSizes.removeValue(forKey: request.id) {
                try? Terminal.setWindowSize(master, rows: size.rows, columns: size.columns)
            }
            kept.append(master)
            sources.insert(LogSource(fd: master, stream: "stdout", isTerminal: true), at: 0)
            if request.streams.stdin { stdinWriter = master }
        }
        succeeded = true
        return ExecSession(
            id: request.id, directory: directory, runtimePID: pid, exitHandle: exitHandle, tty: request.tty,
            sources: sources, stdin: StdinForwarder(writer: stdinWriter, isTerminal: request.tty))
    }

    /// The pty master the runtime sends over the console socket once the
    /// process has its terminal; nil if the runtime exits first (its error is
    /// on the exec's stderr) or takes longer than 10 s.
    private static func receiveTerminal(_ listener: FileDescriptor, runtimeExit: FileDescriptor?) -> FileDescriptor? {
        var waiting = [pollfd(fd: listener.rawValue, events: Int16(POLLIN), revents: 0)]
        if let runtimeExit { waiting.append(pollfd(fd: runtimeExit.rawValue, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = poll(&waiting, nfds_t(waiting.count), 10_000)
            if ready < 0 && currentErrno() == EINTR { continue }
            guard ready > 0, waiting[0].revents != 0, let connection = UnixListener.accept(listener, nonBlocking: false) else {
                return nil
            }
            defer { connection.close() }
            guard let master = try? Terminal.receiveDescriptor(over: connection) else { return nil }
            try? master.setCloseOnExec(true)
            try? setNonBlocking(master)
            return master
        }
    }

    /// `wait-exec ID`: the exec's exit record now if it has ended (also from
    /// an earlier shim life's exit.json), else when it ends.
    mutating func waitForExec(_ serial: Int, _ id: String) {
        if let index = execs.firstIndex(where: { $0.id == id }) {
            if let record = execs[index].record {
                control.send(record, to: serial)
            } else {
                execs[index].waiters.append(serial)
            }
            return
        }
        if let root = options.execRoot, let text = try? FileSystem.readString(Path.join(root, id) + "/exit.json") {
            control.send(text.trimmingTrailingNewlines, to: serial)
        } else {
            control.send(Self.errorReply("no such exec \(id)"), to: serial)
        }
    }

    /// `resize ROWS COLUMNS ID`: an exec's terminal size. The docker CLI
    /// resizes as soon as its stream is upgraded, which can be before the
    /// `exec` request: a size for an exec not started yet is kept for it.
    mutating func resizeExec(_ serial: Int, _ id: String, rows: UInt16, columns: UInt16) {
        guard let session = execs.first(where: { $0.id == id }) else {
            if pendingExecSizes.count >= ControlServer.maximumClients { pendingExecSizes.removeAll() }
            pendingExecSizes[id] = (rows, columns)
            control.send(#"{"ok":true}"#, to: serial)
            return
        }
        resizeTerminal(in: session.sources, serial, rows: rows, columns: columns, missing: "exec \(id) has no terminal")
    }

    /// Records the status of an exec's runtime that has just been reaped.
    mutating func execReaped(_ pid: pid_t, status: ExitStatus) -> Bool {
        guard let index = execs.firstIndex(where: { $0.runtimePID == pid && $0.status == nil }) else { return false }
        execs[index].status = status
        execs[index].reapedAt = Timestamp.now()
        execs[index].drainDeadline = Timestamp.monotonicSeconds() + Self.drainSeconds
        execs[index].exitHandle?.close()
        execs[index].exitHandle = nil
        return true
    }

    /// Each exec whose runtime has exited and whose output is drained (or
    /// the drain timed out) gets its exit.json, its waiters their answer and
    /// its client the end of its stream; served sessions are forgotten.
    mutating func finishExecs() {
        let now = Timestamp.monotonicSeconds()
        for index in execs.indices {
            guard let status = execs[index].status, execs[index].record == nil,
                  execs[index].sources.isEmpty || now >= execs[index].drainDeadline else { continue }
            for source in execs[index].sources { source.fd.close() }
            execs[index].sources = []
            execs[index].stdin.close()
            let record = ExitRecord(exitCode: execs[index].exitCode(status), oomKilled: false, finishedAt: execs[index].reapedAt).json
            // Written before the stream ends: berthd reads it when the client asks for the exit code.
            try? FileSystem.writeAtomically(Path.join(execs[index].directory, "exit.json"), Array(record.utf8), durable: false)
            execs[index].record = record
            for serial in execs[index].waiters { control.send(record, to: serial) }
            execs[index].waiters = []
            AttachStream.finish(&execs[index].clients)
        }
        execs.removeAll { $0.record != nil && $0.clients.isEmpty }
    }

    /// Closes every exec's descriptors (the shim is ending).
    mutating func closeExecs() {
        for index in execs.indices {
            for source in execs[index].sources { source.fd.close() }
            for client in execs[index].clients { client.fd.close() }
            execs[index].stdin.close()
            execs[index].exitHandle?.close()
        }
        execs = []
    }
}

extension String {
    /// The text without the newlines at its end.
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.utf8.last == 0x0a { text = text.dropLast() }
        return String(text)
    }
}
