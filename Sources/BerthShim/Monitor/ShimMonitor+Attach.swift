import Glibc
import LinuxSys

extension ShimMonitor {
    /// Turns control connection `serial` into an attach stream.
    mutating func attach(_ serial: Int, options requested: AttachOptions) {
        if exitRecord != nil {
            control.send(Self.errorReply("the container has exited"), to: serial)
            return
        }
        var options = requested
        if stdin.writer == nil { options.stdin = false }
        control.send(#"{"ok":true}"#, to: serial)
        guard let (fd, leftover) = control.takeOver(serial) else { return }
        if options.stdin && !leftover.isEmpty { stdin.pending.append(leftover) }
        attachments.append(AttachStream(fd: fd, options: options, raw: self.options.tty))
    }

    /// `start` (with --await-start): runs the runtime's start once.
    mutating func startRequested(_ serial: Int) {
        guard awaitingStart else {
            control.send(Self.errorReply("the container was already started"), to: serial)
            return
        }
        awaitingStart = false
        do {
            try runtime.start()
            control.send(#"{"ok":true}"#, to: serial)
        } catch {
            // The init stays blocked before exec: remove it, so the exit is recorded.
            runtime.forceDelete()
            control.send(Self.errorReply(error.description), to: serial)
        }
    }

    /// `resize ROWS COLUMNS`: the pty's window size (an error without a TTY).
    mutating func resize(_ serial: Int, rows: UInt16, columns: UInt16) {
        resizeTerminal(in: sources, serial, rows: rows, columns: columns, missing: "the container has no terminal")
    }

    /// Sets the window size of the pty master among `outputs`; replies ok, or `missing` without one.
    mutating func resizeTerminal(in outputs: [LogSource], _ serial: Int, rows: UInt16, columns: UInt16, missing: String) {
        guard let master = outputs.first(where: { $0.isTerminal })?.fd else {
            control.send(Self.errorReply(missing), to: serial)
            return
        }
        do {
            try Terminal.setWindowSize(master, rows: rows, columns: columns)
            control.send(#"{"ok":true}"#, to: serial)
        } catch {
            control.send(Self.errorReply(error.description), to: serial)
        }
    }

    /// No `start` came in time: delete the created container (its init is
    /// killed, reaped and recorded as usual).
    mutating func abandonStart() {
        awaitingStart = false
        runtime.forceDelete()
    }
}
