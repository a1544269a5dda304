import Glibc
import LinuxSys

/// One attached client (berthd relaying a `docker attach`/`run` stream): the
/// container's output goes down to it — framed as Docker's multiplexed stream
/// unless the container has a TTY — and, when it asked for stdin, what it
/// sends goes to the container's stdin. Non-blocking; output waits in a queue.
struct AttachStream {
    /// Output held for one client beyond this pauses reading the container's
    /// output (back-pressure instead of loss or unbounded memory).
    static let highWater = 4 << 20

    let fd: FileDescriptor
    let options: AttachOptions
    /// Raw output (TTY) instead of 8-byte-header frames.
    let raw: Bool
    var outbound = ByteQueue()
    /// The client has closed its sending side.
    var inputClosed = false
    /// The container is gone: close once the queue is empty.
    var closing = false

    /// Whether this client receives `stream` ("stdout"/"stderr").
    func wants(_ stream: String) -> Bool { stream == "stderr" ? options.stderr : options.stdout }

    /// Queues output from `stream`.
    mutating func enqueue(_ bytes: UnsafeRawBufferPointer, stream: String) {
        guard wants(stream) else { return }
        if !raw {
            let size = UInt32(truncatingIfNeeded: bytes.count)
            outbound.append([stream == "stderr" ? 2 : 1, 0, 0, 0, UInt8(size >> 24), UInt8((size >> 16) & 0xff),
                             UInt8((size >> 8) & 0xff), UInt8(size & 0xff)])
        }
        outbound.append(bytes)
    }

    /// Sends what the socket takes now; false when the client is gone.
    mutating func flush() -> Bool {
        var failed = false
        let socket = fd.rawValue
        outbound.drain { bytes in
            let sent = send(socket, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL))
            if sent < 0 {
                let code = errno
                if code != EAGAIN && code != EINTR { failed = true }
                return 0
            }
            return sent
        }
        return !failed
    }

    /// The poll events this client needs now.
    func pollEvents(stdinRoom: Bool) -> Int16 {
        var events: Int16 = 0
        if options.stdin && !inputClosed && stdinRoom { events |= Int16(POLLIN) }
        if !outbound.isEmpty { events |= Int16(POLLOUT) }
        return events
    }
}
