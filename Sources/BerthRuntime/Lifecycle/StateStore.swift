import Glibc
import LinuxSys
import OCI

/// The runtime's state directory (`--root`, /run/berth-runtime by default):
/// one directory per container holding state.json, a copy of config.json and,
/// until `start`, the exec fifo.
struct StateStore {
    let root: String

    static let defaultRoot = "/run/berth-runtime"

    func directory(_ id: String) -> String { root + "/" + id }
    func fifoPath(_ id: String) -> String { directory(id) + "/exec.fifo" }

    /// Container ids runc accepts: letters, digits, and _ + - .
    static func validate(id: String) throws(RuntimeError) {
        guard !id.isEmpty, id.count <= 1024, id != ".", id != "..",
              id.utf8.allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                      || byte == 0x5f || byte == 0x2b || byte == 0x2d || byte == 0x2e
              })
        else { throw RuntimeError("invalid container id \"\(id)\": use letters, digits and _ + - . only") }
    }

    /// Claims the id atomically; fails if a container with it exists.
    func reserve(_ id: String) throws(RuntimeError) {
        do { try FileSystem.makeDirectories(root, mode: 0o711) } catch { throw RuntimeError("create state root", error) }
        if mkdir(directory(id), 0o711) != 0 {
            if errno == EEXIST { throw RuntimeError("container with id \"\(id)\" already exists") }
            throw RuntimeError("create state for \(id)", SystemError("mkdir", directory(id)))
        }
    }

    func save(_ record: ContainerRecord) throws(RuntimeError) {
        do {
            try FileSystem.writeAtomically(directory(record.id) + "/state.json", record.jsonBytes(), mode: 0o600, durable: false)
        } catch {
            throw RuntimeError("save state of \(record.id)", error)
        }
    }

    func saveConfig(_ id: String, _ bytes: [UInt8]) throws(RuntimeError) {
        do { try FileSystem.write(directory(id) + "/config.json", bytes, mode: 0o600) } catch {
            throw RuntimeError("save config of \(id)", error)
        }
    }

    func load(_ id: String) throws(RuntimeError) -> ContainerRecord {
        try StateStore.validate(id: id)
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(directory(id) + "/state.json") } catch {
            if error.errno == ENOENT { throw RuntimeError("container \"\(id)\" does not exist") }
            throw RuntimeError("read state of \(id)", error)
        }
        do { return try ContainerRecord(jsonBytes: bytes) } catch {
            throw RuntimeError("state of \(id) is corrupt: \(error)")
        }
    }

    func loadConfig(_ id: String) throws(RuntimeError) -> Spec {
        do {
            return try Spec(jsonBytes: try FileSystem.read(directory(id) + "/config.json"))
        } catch {
            throw RuntimeError("config of \(id) is unreadable: \(error)")
        }
    }

    func ids() -> [String] {
        ((try? FileSystem.listDirectory(root)) ?? []).filter { FileSystem.exists(directory($0) + "/state.json") }.sorted()
    }

    func remove(_ id: String) throws(RuntimeError) {
        do { try FileSystem.removeTree(directory(id)) } catch { throw RuntimeError("remove state of \(id)", error) }
    }
}
