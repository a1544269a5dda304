import BerthClient
import Glibc
import LinuxSys

/// Copies a hijacked attach/exec stream to this process's stdio in one
/// thread with poll(2): output from the daemon to stdout/stderr (demultiplexed
/// unless the container has a TTY), stdin up to the daemon raw, then a
/// half-close at stdin's end while output drains until the daemon closes.
/// Signals to proxy are blocked and collected between polls.
struct StreamPump {
    let connection: EngineConnection
    let tty: Bool
    let sendStdin: Bool
    /// Called with a signal number when one arrives (signal proxying).
    var onSignal: ((Int32) -> Void)?
    var signals: [Int32] = []
    /// With a TTY and stdin: the key sequence that detaches (docker's default ctrl-p ctrl-q).
    var detachSequence: [UInt8] = []

    /// Runs until the daemon closes the stream; true when the user detached.
    @discardableResult
    func run() -> Bool {
        var demux = FrameDemultiplexer()
        deliver(connection.takeBufferedBytes(), &demux)
        let socket = connection.fd.rawValue
        var stdinOpen = sendStdin
        let proxying = blockSignals()
        var buffer = [UInt8](repeating: 0, count: 32768)
        var detach = detachSequence.isEmpty ? nil : DetachKeys.Matcher(detachSequence)
        while true {
            var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0)]
            if stdinOpen { fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), proxying ? 100 : -1)
            if proxying { forwardPendingSignals() }
            if ready < 0 { if errno == EINTR { continue }; return false }
            for entry in fds where entry.revents != 0 {
                if entry.fd == socket {
                    let count = read(socket, &buffer, buffer.count)
                    if count < 0, errno == EINTR || errno == EAGAIN { continue }
                    if count <= 0 { return false }
                    deliver(buffer[0..<count], &demux)
                } else if entry.fd == 0 {
                    let count = read(0, &buffer, buffer.count)
                    if count < 0, errno == EINTR || errno == EAGAIN { continue }
                    if count <= 0 {
                        stdinOpen = false
                        connection.closeWrite()
                    } else if var matcher = detach {
                        let (pass, detached) = matcher.feed(buffer[0..<count])
                        detach = matcher
                        if !pass.isEmpty { try? connection.fd.writeAll(pass) }
                        if detached { return true }
                    } else {
                        try? connection.fd.writeAll(buffer[0..<count])
                    }
                }
            }
        }
    }

    private func deliver(_ bytes: some Collection<UInt8>, _ demux: inout FrameDemultiplexer) {
        guard !bytes.isEmpty else { return }
        if tty {
            try? FileDescriptor.standardOutput.writeAll(bytes)
            return
        }
        for (stream, payload) in demux.feed(bytes) {
            let target: FileDescriptor = stream == .stderr ? .standardError : .standardOutput
            try? target.writeAll(payload)
        }
    }

    /// Blocks `signals` so they stay pending for `forwardPendingSignals`; false when not proxying.
    private func blockSignals() -> Bool {
        guard onSignal != nil, !signals.isEmpty else { return false }
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return pthread_sigmask(SIG_BLOCK, &set, nil) == 0
    }

    /// Takes each pending proxied signal and hands it to `onSignal`.
    private func forwardPendingSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        while true {
            let signal = sigtimedwait(&set, nil, &zero)
            if signal <= 0 { return }
            onSignal?(signal)
        }
    }
}
