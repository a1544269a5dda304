import BerthAPI
import Foundation
import Glibc

extension ContainerService {
    /// `GET /containers/{id}/logs`: the records in the query's window, framed
    /// (8-byte headers) unless the container has a TTY; with `follow`, new
    /// records until the container stops. Reading happens outside the actor.
    public func logs(_ idOrName: String, query: LogQuery) throws -> (tty: Bool, produce: @Sendable (@Sendable ([UInt8]) async throws -> Void) async throws -> Void) {
        let row = try store.container(idOrName)
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        if config.hostConfig?.LogConfig?.Type == "none" {
            throw APIError(statusCode: 501, message: "configured logging driver does not support reading")
        }
        let tty = config.tty == true
        let path = directory(row.id) + "/container.log"
        let id = row.id
        return (tty, { emit in
            let reader = JSONLogReader(path: path)
            let (all, handle, _) = reader.readAll()
            defer { try? handle?.close() }
            var selected = all.filter { Self.selects($0, query) }
            if let tail = query.tail, tail >= 0, selected.count > tail { selected = Array(selected.suffix(tail)) }
            var output: [UInt8] = []
            for record in selected { Self.append(record, tty: tty, timestamps: query.timestamps, to: &output) }
            if !output.isEmpty { try await emit(output) }
            guard query.follow, var live = handle else { return }
            var pending: [UInt8] = []
            var inode = Self.inode(ofHandle: live)
            while true {
                let running = await self.isActive(id)
                let data = (try? live.readToEnd()) ?? Data()
                pending += data
                let parsed = JSONLogReader.parse(ArraySlice(pending))
                pending.removeFirst(parsed.consumed)
                var chunk: [UInt8] = []
                for record in parsed.records where Self.selects(record, query) {
                    Self.append(record, tty: tty, timestamps: query.timestamps, to: &chunk)
                }
                if !chunk.isEmpty { try await emit(chunk) }
                if let until = query.until, until < Self.now() { return }
                // Rotated: finish the old file (done above), then continue with the new one.
                if let current = Self.inode(ofPath: path), current != inode, let next = FileHandle(forReadingAtPath: path) {
                    try? live.close()
                    live = next
                    inode = current
                    pending = []
                    continue
                }
                if !running { return }
                try await Task.sleep(for: .milliseconds(100))
            }
        })
    }

    /// Whether the container is running (or about to run again).
    func isActive(_ id: String) -> Bool {
        guard let row = try? store.container(id), let refreshed = try? refreshed(row),
              let state = try? Self.decode(ContainerStateDocument.self, refreshed.state) else { return false }
        return ["running", "paused", "restarting"].contains(state.status)
    }

    static func selects(_ record: JSONLogReader.Record, _ query: LogQuery) -> Bool {
        if record.stream == "stderr" ? !query.stderr : !query.stdout { return false }
        if let since = query.since, record.time < since { return false }
        if let until = query.until, record.time > until { return false }
        return true
    }

    static func append(_ record: JSONLogReader.Record, tty: Bool, timestamps: Bool, to output: inout [UInt8]) {
        var payload = record.message
        if timestamps { payload = Array((record.time + " ").utf8) + payload }
        if !tty {
            let size = UInt32(truncatingIfNeeded: payload.count)
            output += [record.stream == "stderr" ? 2 : 1, 0, 0, 0, UInt8(size >> 24), UInt8((size >> 16) & 0xff),
                       UInt8((size >> 8) & 0xff), UInt8(size & 0xff)]
        }
        output += payload
    }

    static func inode(ofHandle handle: FileHandle) -> UInt64? {
        var info = stat()
        return fstat(handle.fileDescriptor, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func inode(ofPath path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }
}
