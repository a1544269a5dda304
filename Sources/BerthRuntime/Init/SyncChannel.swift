import LinuxSys

/// The parent/child handshake over a socketpair while a container is being
/// created: one type byte, a 4-byte length, then the payload.
struct SyncChannel {
    enum Message: UInt8 {
        /// parent → child: cgroup joined, id maps written; go ahead.
        case go = 0x47  // G
        /// child → parent: mounts are ready, run the createRuntime/prestart hooks.
        case runHooks = 0x48  // H
        /// parent → child: hooks done.
        case hooksDone = 0x68  // h
        /// child → parent: everything is set up; waiting to execute.
        case ready = 0x52  // R
        /// child → parent: setup failed; the payload says why.
        case failed = 0x45  // E
        /// parent → child (run mode): execute now.
        case start = 0x53  // S
    }

    let fd: FileDescriptor

    func send(_ message: Message, _ payload: String = "") throws(SystemError) {
        let bytes = Array(payload.utf8)
        let count = UInt32(bytes.count)
        var frame: [UInt8] = [message.rawValue, UInt8(count >> 24), UInt8((count >> 16) & 0xff), UInt8((count >> 8) & 0xff), UInt8(count & 0xff)]
        frame.append(contentsOf: bytes)
        try fd.writeAll(frame)
    }

    /// The next message, or nil when the other side closed the channel.
    func receive() throws(SystemError) -> (Message, String)? {
        guard let header = try readExactly(5) else { return nil }
        let count = Int(header[1]) << 24 | Int(header[2]) << 16 | Int(header[3]) << 8 | Int(header[4])
        guard let message = Message(rawValue: header[0]), count <= 1 << 20 else {
            throw SystemError("read", "sync channel", errno: 74)  // EBADMSG
        }
        let payload = count == 0 ? [] : (try readExactly(count) ?? [])
        return (message, String(decoding: payload, as: UTF8.self))
    }

    /// Waits for one specific message; anything else is a protocol error.
    func expect(_ wanted: Message) throws(RuntimeError) {
        let received: (Message, String)?
        do { received = try receive() } catch { throw RuntimeError("container setup channel", error) }
        guard let (message, payload) = received else { throw RuntimeError("the runtime went away during setup") }
        if message == .failed { throw RuntimeError(payload) }
        guard message == wanted else { throw RuntimeError("unexpected setup message \(message)") }
    }

    private func readExactly(_ count: Int) throws(SystemError) -> [UInt8]? {
        var result: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        while result.count < count {
            let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(count - result.count)])
            let got = try fd.read(into: slice)
            if got == 0 {
                // A clean close between frames is EOF; inside a frame it is an error.
                if result.isEmpty { return nil }
                throw SystemError("read", "sync channel (truncated frame)", errno: 32)  // EPIPE
            }
            result.append(contentsOf: slice[0..<got])
        }
        return result
    }
}
