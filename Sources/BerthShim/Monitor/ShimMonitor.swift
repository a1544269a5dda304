import CLinuxSys
import Glibc
import LinuxSys
import OCI

/// The shim's life after the container has started: one poll(2) loop that
/// copies the container's output into the json-file log, reaps every child
/// (the shim is a subreaper, so the init is its child), records the exit in
/// exit.json, and answers control-socket requests until told to shut down.
public struct ShimMonitor {
    /// How long output may still arrive after the init has exited.
    static let drainSeconds = 2.0
    /// How long an exited container's shim waits for a `shutdown`.
    static let lingerSeconds = 3600.0

    let options: ShimOptions
    let runtime: RuntimeClient
    let cgroup: MemoryCgroup
    let log: JSONLogWriter
    var sources: [LogSource]
    /// Attach clients' input for the container's stdin pipe (--stdin) or pty master (--tty).
    var stdin: StdinForwarder
    /// The container's init, reparented to the shim.
    var initPID: pid_t
    /// A pidfd for the init: readable when it exits (nil on kernels without pidfd_open).
    var initHandle: FileDescriptor?
    var initStatus: ExitStatus?
    var reapedAt = ""
    var oomKilled = false
    var drainDeadline = 0.0
    var exitRecord: ExitRecord?
    var lingerDeadline = 0.0
    var control: ControlServer
    /// Control clients waiting for the exit.
    var waiters: [Int] = []
    var shutdownRequested = false
    /// When a shutdown stops waiting for attached clients to take their output.
    var shutdownDeadline = 0.0
    /// With --await-start: created, waiting for the `start` request.
    var awaitingStart = false
    /// A `start` that never comes (berthd died, the client left) is given up
    /// at this time: the created container is deleted, an exec abandoned.
    var startDeadline = 0.0
    /// Attached clients (see AttachStream).
    var attachments: [AttachStream] = []
    /// Processes run in the container for berthd's exec (see ExecSession).
    var execs: [ExecSession] = []
    /// Terminal sizes that came before their exec (by exec id).
    var pendingExecSizes: [String: (rows: UInt16, columns: UInt16)] = [:]

    /// Runs until `shutdown` after the exit (or an hour of nobody asking);
    /// then removes shim.sock and shim.pid and returns the shim's exit code.
    public mutating func run() -> Int32 {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 32 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        var descriptors: [pollfd] = []
        // The launch code is done with: give its pages back (the loop faults in what it runs).
        WorkingSet.dropCodePages()
        // After `shutdown`, attached clients still get the rest of their output, and execs
        // (killed with the container's init) their exit records — up to a deadline.
        while !shutdownRequested || ((!attachments.isEmpty || !execs.isEmpty) && Timestamp.monotonicSeconds() < shutdownDeadline) {
            descriptors.removeAll(keepingCapacity: true)
            // A client that cannot keep up pauses the container's output rather than losing it.
            let throttled = attachments.contains { $0.outbound.count > AttachStream.highWater }
            for source in sources {
                descriptors.append(pollfd(fd: source.fd.rawValue, events: throttled ? 0 : Int16(POLLIN), revents: 0))
            }
            if let initHandle, initStatus == nil {
                descriptors.append(pollfd(fd: initHandle.rawValue, events: Int16(POLLIN), revents: 0))
            }
            let listenerIndex = descriptors.count
            descriptors.append(pollfd(fd: control.listener.rawValue, events: Int16(POLLIN), revents: 0))
            let serials = control.connections.map(\.serial)
            for connection in control.connections {
                descriptors.append(pollfd(fd: connection.fd.rawValue, events: Int16(POLLIN), revents: 0))
            }
            let attachBase = descriptors.count
            for attachment in attachments {
                descriptors.append(pollfd(fd: attachment.fd.rawValue, events: attachment.pollEvents(stdinRoom: stdin.hasRoom), revents: 0))
            }
            let attachCount = attachments.count
            var stdinIndex = -1
            if let writer = stdin.writer, stdin.wantsWritable {
                stdinIndex = descriptors.count
                descriptors.append(pollfd(fd: writer.rawValue, events: Int16(POLLOUT), revents: 0))
            }
            let execSlots = addExecDescriptors(to: &descriptors)
            let ready = poll(&descriptors, nfds_t(descriptors.count), pollTimeout())
            if ready < 0 && currentErrno() != EINTR { return 1 }

            var finished: [Int] = []
            for index in 0..<sources.count where descriptors[index].revents != 0 && !throttled {
                if !readOutput(of: index, buffer: buffer) { finished.append(index) }
            }
            AttachStream.service(&attachments, revents: (0..<attachCount).map { descriptors[attachBase + $0].revents },
                                 stdin: &stdin, buffer: buffer)
            if stdinIndex >= 0 || stdin.needsFlush { stdin.flush() }
            for index in finished.reversed() { closeSource(at: index) }
            serviceExecs(execSlots, descriptors, buffer: buffer)
            reapChildren()
            finishIfDrained()
            finishExecs()

            if descriptors[listenerIndex].revents != 0 { control.acceptWaiting() }
            for (offset, serial) in serials.enumerated() where descriptors[listenerIndex + 1 + offset].revents != 0 {
                for line in control.readLines(from: serial, buffer: buffer) { handle(line, from: serial) }
            }
            if exitRecord != nil && Timestamp.monotonicSeconds() >= lingerDeadline { break }
            if awaitingStart && startDeadline == 0 { startDeadline = Timestamp.monotonicSeconds() + Double(options.startTimeout) }
            if awaitingStart && Timestamp.monotonicSeconds() >= startDeadline { abandonStart() }
        }
        for attachment in attachments { attachment.fd.close() }
        attachments = []
        closeExecs()
        control.close()
        stdin.close()
        initHandle?.close()
        log.close()
        unlink(options.shimPIDPath)
        return 0
    }

    /// Milliseconds until the next deadline: the drain or the linger period;
    /// while the init runs, a periodic sweep reaps orphans reparented to the shim.
    private func pollTimeout() -> Int32 {
        let now = Timestamp.monotonicSeconds()
        var deadline = now + (initHandle == nil ? 0.1 : 5)
        if exitRecord != nil { deadline = lingerDeadline } else if initStatus != nil { deadline = drainDeadline }
        for session in execs where session.record == nil {
            if session.status != nil {
                deadline = min(deadline, session.drainDeadline)
            } else if session.exitHandle == nil {
                deadline = min(deadline, now + 0.1)
            }
        }
        return milliseconds(until: deadline, now: now)
    }

    private func milliseconds(until deadline: Double, now: Double) -> Int32 {
        let remaining = max(0, deadline - now) * 1000
        return Int32(min(remaining + 1, 60_000))
    }

    /// Reads once from a source into the log; false at end of stream.
    private mutating func readOutput(of index: Int, buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let count = Glibc.read(sources[index].fd.rawValue, buffer.baseAddress, buffer.count)
        if count > 0 {
            let stream = sources[index].stream
            let writer = log
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let time = Timestamp.now()
            sources[index].splitter.feed(bytes) { message in
                writer.append(message, stream: stream, time: time)
            }
            writer.flush()
            if !attachments.isEmpty { AttachStream.relay(bytes, stream: stream, to: &attachments) }
            return true
        }
        if count < 0 {
            let code = currentErrno()
            if code == EAGAIN || code == EINTR { return true }
        }
        return false
    }

    /// Flushes a finished stream's partial line and closes it.
    private mutating func closeSource(at index: Int) {
        var source = sources.remove(at: index)
        let writer = log
        let stream = source.stream
        source.splitter.flush { message in writer.write(message, stream: stream) }
        source.fd.close()
    }

    /// waitpid(-1, WNOHANG) until nothing is left to reap; records the init's status
    /// and, right then, the OOM counter (before anyone can delete the cgroup).
    private mutating func reapChildren() {
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 {
                if pid < 0 && currentErrno() == EINTR { continue }
                return
            }
            if execReaped(pid, status: ExitStatus(rawStatus: status)) { continue }
            if pid == initPID && initStatus == nil {
                initStatus = ExitStatus(rawStatus: status)
                reapedAt = Timestamp.now()
                oomKilled = cgroup.oomKillCount() > 0
                drainDeadline = Timestamp.monotonicSeconds() + Self.drainSeconds
            }
        }
    }

    /// Once the init is reaped and its output drained (or the drain timed
    /// out), writes exit.json and answers every `wait`.
    private mutating func finishIfDrained() {
        guard let initStatus, exitRecord == nil else { return }
        guard sources.isEmpty || Timestamp.monotonicSeconds() >= drainDeadline else { return }
        while !sources.isEmpty { closeSource(at: sources.count - 1) }
        let record = ExitRecord(exitCode: initStatus.shellCode, oomKilled: oomKilled, finishedAt: reapedAt)
        try? FileSystem.writeAtomically(options.exitPath, Array(record.json.utf8))
        exitRecord = record
        lingerDeadline = Timestamp.monotonicSeconds() + Self.lingerSeconds
        for serial in waiters { control.send(record.json, to: serial) }
        waiters = []
        AttachStream.finish(&attachments)
    }
}
