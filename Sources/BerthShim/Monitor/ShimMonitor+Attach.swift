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
        // An exec with a TTY gets its stdin writer (the pty master) only at start.
        let stdinComing = pendingExec != nil && self.options.stdin
        if stdinWriter == nil && !stdinComing { options.stdin = false }
        control.send(#"{"ok":true}"#, to: serial)
        guard let (fd, leftover) = control.takeOver(serial) else { return }
        if options.stdin && !leftover.isEmpty { stdinPending.append(leftover) }
        attachments.append(AttachStream(fd: fd, options: options, raw: self.options.tty))
    }

    /// Copies container output to every attached client and sends what each takes now.
    mutating func relay(_ bytes: UnsafeRawBufferPointer, stream: String) {
        var gone: [Int] = []
        for index in attachments.indices {
            attachments[index].enqueue(bytes, stream: stream)
            if !attachments[index].flush() { gone.append(index) }
        }
        for index in gone.reversed() { dropAttachment(at: index) }
    }

    /// Reads client input, writes queued output, and retires clients that
    /// are gone or, once the container has exited, fully served.
    mutating func serviceAttachments(revents: [Int16], buffer: UnsafeMutableRawBufferPointer) {
        var gone: [Int] = []
        for index in revents.indices where index < attachments.count {
            let events = revents[index]
            var alive = true
            if events & Int16(POLLIN) != 0 {
                let count = recv(attachments[index].fd.rawValue, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT))
                if count > 0 {
                    stdinPending.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                } else if count == 0 {
                    attachments[index].inputClosed = true
                    if attachments[index].options.stdinOnce { closeStdinWhenFlushed = true }
                } else if errno != EAGAIN && errno != EINTR {
                    alive = false
                }
            } else if events & Int16(POLLERR | POLLHUP) != 0 && events & Int16(POLLOUT) == 0 {
                alive = false
            }
            if alive && !attachments[index].outbound.isEmpty { alive = attachments[index].flush() }
            if alive && attachments[index].closing && attachments[index].outbound.isEmpty {
                shutdown(attachments[index].fd.rawValue, Int32(SHUT_RDWR))
                alive = false
            }
            if !alive { gone.append(index) }
        }
        for index in gone.reversed() { dropAttachment(at: index) }
    }

    /// Writes queued client input to the container's stdin; closes stdin
    /// (pipes only) after a stdin-once client has gone and all is written.
    mutating func flushStdin() {
        guard let writer = stdinWriter else {
            stdinPending = ByteQueue()
            return
        }
        var broken = false
        stdinPending.drain { bytes in
            let written = Glibc.write(writer.rawValue, bytes.baseAddress, bytes.count)
            if written < 0 {
                if errno != EAGAIN && errno != EINTR { broken = true }
                return 0
            }
            return written
        }
        if broken { stdinPending = ByteQueue() }
        if closeStdinWhenFlushed && stdinPending.isEmpty && !options.tty {
            writer.close()
            stdinWriter = nil
            closeStdinWhenFlushed = false
        }
    }

    /// The container has exited and its output is drained: every client is
    /// closed once it has received the rest.
    mutating func finishAttachments() {
        for index in attachments.indices { attachments[index].closing = true }
        serviceAttachments(revents: Array(repeating: 0, count: attachments.count), buffer: UnsafeMutableRawBufferPointer(start: nil, count: 0))
    }

    /// Closes one client.
    mutating func dropAttachment(at index: Int) {
        attachments[index].fd.close()
        attachments.remove(at: index)
    }

    /// `start` (with --await-start): runs the runtime's start once.
    mutating func startRequested(_ serial: Int) {
        guard awaitingStart else {
            control.send(Self.errorReply("the container was already started"), to: serial)
            return
        }
        if pendingExec != nil {
            do {
                try spawnExec()
                control.send(#"{"ok":true}"#, to: serial)
            } catch {
                control.send(Self.errorReply(error.description), to: serial)
            }
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
        if pendingExec != nil && options.tty {
            // The exec's terminal comes with `start`: apply the size then.
            pendingSize = (rows, columns)
            control.send(#"{"ok":true}"#, to: serial)
            return
        }
        guard let master = sources.first(where: { $0.isTerminal })?.fd else {
            control.send(Self.errorReply("the container has no terminal"), to: serial)
            return
        }
        do {
            try Terminal.setWindowSize(master, rows: rows, columns: columns)
            control.send(#"{"ok":true}"#, to: serial)
        } catch {
            control.send(Self.errorReply(error.description), to: serial)
        }
    }
}
