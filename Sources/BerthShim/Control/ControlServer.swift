import Glibc
import LinuxSys

/// The control socket's connections: accepts clients (any number of times,
/// so a restarted berthd reconnects), cuts their input into request lines and
/// sends one-line replies. Non-blocking throughout: a client that does not
/// read its replies is dropped rather than allowed to stall the shim.
public struct ControlServer {
    /// One connected client.
    public struct Connection: Sendable {
        /// Stable for the connection's life (descriptor numbers get reused).
        public let serial: Int
        /// The connected socket.
        public let fd: FileDescriptor
        var pending: [UInt8] = []
    }

    /// More simultaneous clients than this are refused.
    public static let maximumClients = 64
    /// A request line longer than this drops the client.
    public static let maximumLine = 4096

    /// The socket's path (removed by `close`).
    public let path: String
    /// The listening socket.
    public let listener: FileDescriptor
    /// The connected clients.
    public private(set) var connections: [Connection] = []
    private var nextSerial = 1

    /// Listens at `path` with mode 0600.
    public init(path: String) throws(SystemError) {
        self.path = path
        listener = try UnixListener.listen(path, mode: 0o600)
    }

    /// Accepts every waiting client.
    public mutating func acceptWaiting() {
        while let fd = UnixListener.accept(listener) {
            if connections.count >= Self.maximumClients {
                fd.close()
                continue
            }
            connections.append(Connection(serial: nextSerial, fd: fd))
            nextSerial += 1
        }
    }

    /// Reads what `serial` sent and returns its complete request lines; drops
    /// the client at end of input, on error or on an overlong line.
    public mutating func readLines(from serial: Int, buffer: UnsafeMutableRawBufferPointer) -> [String] {
        guard let index = connections.firstIndex(where: { $0.serial == serial }) else { return [] }
        var lines: [String] = []
        let count = (try? connections[index].fd.read(into: buffer)) ?? 0
        if count <= 0 {
            // EAGAIN never reaches here after POLLIN, so 0 or an error means gone.
            drop(serial)
            return []
        }
        connections[index].pending.append(contentsOf: buffer[0..<count])
        while let newline = connections[index].pending.firstIndex(of: 0x0a) {
            var line = connections[index].pending[0..<newline]
            if line.last == 0x0d { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            connections[index].pending.removeSubrange(0...newline)
        }
        if connections[index].pending.count > Self.maximumLine { drop(serial) }
        return lines
    }

    /// Whether a client is still connected.
    public func isConnected(_ serial: Int) -> Bool { connections.contains { $0.serial == serial } }

    /// Sends one reply line; a client whose socket is full or gone is dropped.
    public mutating func send(_ reply: String, to serial: Int) {
        guard let connection = connections.first(where: { $0.serial == serial }) else { return }
        let bytes = Array((reply + "\n").utf8)
        let sent = bytes.withUnsafeBytes { raw in
            Glibc.send(connection.fd.rawValue, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL))
        }
        if sent != bytes.count { drop(serial) }
    }

    /// Hands a client's socket over (for an attach stream): it leaves the
    /// request/reply protocol, with whatever it sent after its request line.
    public mutating func takeOver(_ serial: Int) -> (fd: FileDescriptor, leftover: [UInt8])? {
        guard let index = connections.firstIndex(where: { $0.serial == serial }) else { return nil }
        let connection = connections.remove(at: index)
        return (connection.fd, connection.pending)
    }

    /// Closes one client.
    public mutating func drop(_ serial: Int) {
        guard let index = connections.firstIndex(where: { $0.serial == serial }) else { return }
        connections[index].fd.close()
        connections.remove(at: index)
    }

    /// Closes every client and the listener and removes the socket file.
    public mutating func close() {
        for connection in connections { connection.fd.close() }
        connections = []
        listener.close()
        unlink(path)
    }
}
