import BerthAPI
import Glibc
import LinuxSys

/// An attach client waiting for the container's next start.
struct PendingAttach {
    /// The shim request (`attach stdin stdout …`).
    let request: String
    let continuation: CheckedContinuation<Int32?, any Error>
}

extension ContainerService {
    /// Prepares an attach: whether the stream is raw (TTY), and what connects
    /// it — at once to a running container's shim, else at its next start.
    public func attach(_ idOrName: String, stdin: Bool, stdout: Bool, stderr: Bool) throws
        -> (tty: Bool, connect: @Sendable () async throws -> Int32?)
    {
        let row = try refreshed(try store.container(idOrName))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        if state.status == "paused" { throw APIError.conflict("You cannot attach to a paused container, unpause it first") }
        if state.status == "restarting" { throw APIError.conflict("You cannot attach to a restarting container, wait until it is running") }
        var request = "attach"
        let withStdin = stdin && config.openStdin == true
        if withStdin { request += " stdin" }
        if stdout { request += " stdout" }
        if stderr { request += " stderr" }
        if withStdin && config.stdinOnce == true { request += " stdin-once" }
        let id = row.id
        let tty = config.tty == true
        if state.status == "running" {
            let socket = shimDirectory(id) + "/shim.sock"
            return (tty, { [request] in try Self.openAttachStream(socket, request: request) })
        }
        return (tty, { [request] in try await self.awaitStart(id, request: request) })
    }

    /// Suspends until `launch` connects this client (nil if the container goes first).
    func awaitStart(_ id: String, request: String) async throws -> Int32? {
        try await withCheckedThrowingContinuation { continuation in
            pendingAttaches[id, default: []].append(PendingAttach(request: request, continuation: continuation))
        }
    }

    /// Connects every client waiting for this start (the shim has created the
    /// container and not yet started it).
    func connectPendingAttaches(_ id: String, tty: Bool) {
        guard let waiting = pendingAttaches.removeValue(forKey: id) else { return }
        let socket = shimDirectory(id) + "/shim.sock"
        for client in waiting {
            client.continuation.resume(returning: try? Self.openAttachStream(socket, request: client.request))
        }
    }

    /// Tells waiting clients the container is gone (removed before starting).
    func abandonPendingAttaches(_ id: String) {
        for client in pendingAttaches.removeValue(forKey: id) ?? [] { client.continuation.resume(returning: nil) }
    }

    /// Opens a stream on the shim: sends the attach request and reads the
    /// one-line answer a byte at a time, so no stream byte is consumed here.
    static func openAttachStream(_ socket: String, request: String) throws -> Int32 {
        let fd = try Terminal.connectUnix(socket)
        do {
            try fd.writeAll(request + "\n")
            var reply: [UInt8] = []
            var byte: UInt8 = 0
            while reply.count < 4096 {
                let count = Glibc.read(fd.rawValue, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                guard count == 1 else { break }
                if byte == 0x0a { break }
                reply.append(byte)
            }
            let text = String(decoding: reply, as: UTF8.self)
            guard text == #"{"ok":true}"# else { throw APIError.conflict(errorText(text)) }
            return fd.rawValue
        } catch {
            fd.close()
            throw error
        }
    }

    /// `POST /containers/{id}/resize`: the TTY's size (ignored without one, as the CLI only sends it for TTYs).
    public func resize(_ idOrName: String, height: Int, width: Int) throws {
        let row = try refreshed(try store.container(idOrName))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        guard state.status == "running" else { throw APIError.conflict("Container \(row.id) is not running") }
        guard let rows = UInt16(exactly: height), let columns = UInt16(exactly: width) else {
            throw APIError.badRequest("invalid terminal size \(height)x\(width)")
        }
        _ = try? ShimControl.request(shimDirectory(row.id) + "/shim.sock", "resize \(rows) \(columns)")
    }
}
