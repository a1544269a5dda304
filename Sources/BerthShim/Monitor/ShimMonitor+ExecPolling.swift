import Glibc
import LinuxSys

/// Where one exec's descriptors sit in the monitor's poll set.
struct ExecPollSlot {
    /// The exec's output sources.
    var sources: Range<Int>
    /// Its client (zero or one).
    var clients: Range<Int>
    /// Its stdin writer waiting to take more, or -1.
    var stdin: Int
    /// Whether its output was left unread (its client's queue is full).
    var throttled: Bool
}

extension ShimMonitor {
    /// Adds every exec's descriptors to the poll set: output (unless its
    /// client is behind), the client, a stdin writer with input waiting, and
    /// the runtime's pidfd while it runs.
    func addExecDescriptors(to descriptors: inout [pollfd]) -> [ExecPollSlot] {
        execs.map { session in
            let throttled = session.throttled
            let sourceStart = descriptors.count
            for source in session.sources {
                descriptors.append(pollfd(fd: source.fd.rawValue, events: throttled ? 0 : Int16(POLLIN), revents: 0))
            }
            let clientStart = descriptors.count
            for client in session.clients {
                descriptors.append(pollfd(fd: client.fd.rawValue, events: client.pollEvents(stdinRoom: session.stdin.hasRoom), revents: 0))
            }
            let clientEnd = descriptors.count
            var stdinIndex = -1
            if let writer = session.stdin.writer, session.stdin.wantsWritable {
                stdinIndex = descriptors.count
                descriptors.append(pollfd(fd: writer.rawValue, events: Int16(POLLOUT), revents: 0))
            }
            if let handle = session.exitHandle, session.status == nil {
                descriptors.append(pollfd(fd: handle.rawValue, events: Int16(POLLIN), revents: 0))
            }
            return ExecPollSlot(sources: sourceStart..<clientStart, clients: clientStart..<clientEnd, stdin: stdinIndex,
                                throttled: throttled)
        }
    }

    /// After poll: relays each exec's output to its client, its client's
    /// input to its stdin, and closes outputs that have ended.
    mutating func serviceExecs(_ slots: [ExecPollSlot], _ descriptors: [pollfd], buffer: UnsafeMutableRawBufferPointer) {
        for (index, slot) in slots.enumerated() where index < execs.count {
            var finished: [Int] = []
            for (offset, position) in slot.sources.enumerated() where descriptors[position].revents != 0 && !slot.throttled {
                if !readExecOutput(index, source: offset, buffer: buffer) { finished.append(offset) }
            }
            var session = execs[index]
            AttachStream.service(&session.clients, revents: slot.clients.map { descriptors[$0].revents },
                                 stdin: &session.stdin, buffer: buffer)
            execs[index] = session
            if slot.stdin >= 0 || execs[index].stdin.needsFlush { execs[index].stdin.flush() }
            for offset in finished.reversed() { execs[index].sources.remove(at: offset).fd.close() }
        }
    }

    /// Reads once from an exec's output and relays it (an exec's output is
    /// not logged, as with dockerd); false at end of stream.
    private mutating func readExecOutput(_ index: Int, source: Int, buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let count = Glibc.read(execs[index].sources[source].fd.rawValue, buffer.baseAddress, buffer.count)
        if count > 0 {
            let stream = execs[index].sources[source].stream
            AttachStream.relay(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), stream: stream, to: &execs[index].clients)
            return true
        }
        if count < 0 {
            let code = currentErrno()
            if code == EAGAIN || code == EINTR { return true }
        }
        return false
    }
}
