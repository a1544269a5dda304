import BerthAPI
import Foundation
import Glibc
import LinuxSys

/// A container's cgroup as berthd sees it from outside — the `/berth/<id>`
/// directories berth-runtime made, under each v1 hierarchy or in the unified
/// v2 tree — for reading usage (stats, top) and writing limits (update).
struct ContainerCgroup: Sendable {
    /// The cgroup path inside each hierarchy, `/berth/<id>`.
    let path: String
    /// True when /sys/fs/cgroup is the unified (v2) hierarchy.
    let unified: Bool
    let root: String

    /// The cgroup berth-runtime gives container `id`.
    init(id: String, root: String = "/sys/fs/cgroup") {
        path = "/berth/" + id
        self.root = root
        unified = FileSystem.exists(root + "/cgroup.controllers")
    }

    /// The directory holding `controller`'s files (v1), or the one v2 directory.
    func directory(_ controller: String) -> String { unified ? root + path : root + "/" + controller + path }

    /// Whether the cgroup exists (the container is or was running).
    var exists: Bool { FileSystem.isDirectory(directory("pids")) || FileSystem.isDirectory(directory("memory")) }

    /// The pids of every process in the container.
    func processes() -> [Int32] {
        for controller in ["pids", "memory", "cpu"] {
            if let text = try? FileSystem.readString(directory(controller) + "/cgroup.procs") {
                return text.split(separator: "\n").compactMap { Int32($0) }
            }
        }
        return []
    }

    // MARK: - Files

    /// A control file's first line, or nil.
    func read(_ file: String, in controller: String) -> String? {
        guard let text = try? FileSystem.readString(directory(controller) + "/" + file) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
    }

    /// A control file as an unsigned number ("max" and unreadable give nil).
    func number(_ file: String, in controller: String) -> UInt64? {
        read(file, in: controller).flatMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A flat keyed file (`key value` per line) such as memory.stat or cpu.stat.
    func keyed(_ file: String, in controller: String) -> [String: UInt64] {
        guard let text = try? FileSystem.readString(directory(controller) + "/" + file) else { return [:] }
        var result: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = UInt64(parts[1]) { result[String(parts[0])] = value }
        }
        return result
    }

    /// Writes a control file, naming it in the error.
    func write(_ file: String, in controller: String, _ value: String) throws {
        let target = directory(controller) + "/" + file
        do { try FileSystem.writeExisting(target, value) } catch {
            throw APIError.internalError("failed to write \(value) to \(target): \(error.reason)")
        }
    }

    /// Whether a control file exists (memsw needs swap accounting, for one).
    func has(_ file: String, in controller: String) -> Bool { FileSystem.exists(directory(controller) + "/" + file) }
}
