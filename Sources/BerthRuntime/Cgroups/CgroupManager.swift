import Glibc
import LinuxSys
import OCI

/// One container's cgroup, whichever cgroup version the host runs. The runtime
/// talks only to this protocol; `CgroupV1Manager` and `CgroupV2Manager` do the
/// files.
protocol CgroupManager {
    /// Creates the cgroup directories (idempotent).
    func create() throws(RuntimeError)
    /// Writes the limits from config.json.
    func apply(_ resources: Resources?) throws(RuntimeError)
    /// Moves a process into the cgroup.
    func join(_ pid: pid_t) throws(RuntimeError)
    /// The pids of every process in the cgroup.
    func processes() -> [pid_t]
    /// Freezes (pause) or thaws (resume) every process, waiting until done.
    func setFrozen(_ frozen: Bool) throws(RuntimeError)
    /// Whether the cgroup is frozen now.
    func isFrozen() -> Bool
    /// How many processes the OOM killer killed in this cgroup.
    func oomKillCount() -> Int
    /// Removes the directories; processes must be gone.
    func destroy() throws(RuntimeError)
    /// The v1 hierarchies (name → mount point, container dir) or the v2 dir,
    /// for mounting a cgroup filesystem inside the container.
    var layout: CgroupLayout { get }
}

/// Where a container's cgroup lives.
struct CgroupLayout {
    /// true for the unified (v2) hierarchy.
    var unified: Bool
    /// v1: one entry per hierarchy — its controllers ("cpu", "memory", "name=systemd"),
    /// its mount point and the container's directory inside it. v2: one entry.
    var hierarchies: [(controllers: String, mountPoint: String, directory: String)]
}

/// Picks the manager for this host and resolves config.json's cgroupsPath.
enum Cgroups {
    /// CGROUP2_SUPER_MAGIC.
    static let cgroup2Magic: Int = 0x6367_7270

    /// Whether /sys/fs/cgroup is the unified (v2) hierarchy.
    static func hostIsUnified(root: String = "/sys/fs/cgroup") -> Bool {
        filesystemType(root) == cgroup2Magic
    }

    /// The manager for `cgroupsPath` (or `/berth/ID` when config.json has none).
    static func manager(cgroupsPath: String?, containerID: String) throws(RuntimeError) -> any CgroupManager {
        let path = try resolvePath(cgroupsPath, containerID: containerID)
        if hostIsUnified() {
            return CgroupV2Manager(root: "/sys/fs/cgroup", path: path)
        }
        return CgroupV1Manager(hierarchies: CgroupV1Manager.mountedHierarchies(), path: path)
    }

    /// An absolute cgroup path inside each hierarchy. Relative paths are taken
    /// under /berth, as the systemd "slice:prefix:name" form is not supported.
    static func resolvePath(_ raw: String?, containerID: String) throws(RuntimeError) -> String {
        guard let raw, !raw.isEmpty else { return "/berth/" + containerID }
        if raw.containsByte(0x3a) && !raw.hasPrefix("/") {
            throw RuntimeError("cgroupsPath \"\(raw)\": the systemd cgroup driver form is not supported; use a path")
        }
        let cleaned = Path.clean(raw.hasPrefix("/") ? raw : "/berth/" + raw)
        if cleaned == "/" { throw RuntimeError("cgroupsPath \"\(raw)\" names the root cgroup") }
        return cleaned
    }

    /// Writes `value` to a cgroup control file, naming the file in the error.
    static func write(_ directory: String, _ file: String, _ value: String) throws(RuntimeError) {
        do {
            try FileSystem.writeExisting(directory + "/" + file, value)
        } catch {
            throw RuntimeError("set cgroup \(file) to \(value)", error)
        }
    }

    /// Reads a control file, trimmed; nil if missing.
    static func read(_ directory: String, _ file: String) -> String? {
        guard let text = try? FileSystem.readString(directory + "/" + file) else { return nil }
        return String(text.splitBytes(0x0a, omittingEmpty: false).first ?? "")
    }

    /// Parses cgroup.procs.
    static func readProcesses(_ directory: String) -> [pid_t] {
        guard let text = try? FileSystem.readString(directory + "/cgroup.procs") else { return [] }
        return text.splitBytes(0x0a).compactMap { pid_t($0) }
    }

    /// The value of `key` in a flat keyed file such as memory.events.
    static func keyedValue(_ directory: String, _ file: String, key: String) -> Int? {
        guard let text = try? FileSystem.readString(directory + "/" + file) else { return nil }
        for line in text.splitBytes(0x0a) {
            let parts = line.splitBytes(0x20)
            if parts.count == 2 && parts[0] == key { return Int(parts[1]) }
        }
        return nil
    }

    /// rmdir that waits out the kernel's brief busy window after the last task exits.
    static func removeDirectory(_ path: String) throws(RuntimeError) {
        for attempt in 0..<100 {
            if rmdir(path) == 0 || errno == ENOENT { return }
            let code = errno
            if code != EBUSY || attempt == 99 {
                throw RuntimeError("remove cgroup \(path)", SystemError("rmdir", path, errno: code))
            }
            Clock.sleep(milliseconds: 5)
        }
    }
}
