import LinuxSys
import OCI

/// The container's memory cgroup, found the way the runtime names it
/// (config.json's `linux.cgroupsPath`, default `/berth/ID`), read for OOM
/// kills: `memory.oom_control` on cgroup v1, `memory.events` on v2.
public struct MemoryCgroup: Sendable, Equatable {
    /// The control file holding the `oom_kill` counter.
    public let eventsFile: String

    /// CGROUP2_SUPER_MAGIC.
    private static let cgroup2Magic = 0x6367_7270

    /// The cgroup of container `id` whose bundle is `bundle`.
    public init(bundle: String, id: String, cgroupRoot: String = "/sys/fs/cgroup") {
        var raw: String?
        if let bytes = try? FileSystem.read(Path.join(bundle, "config.json")), let spec = try? JSONParser.parse(bytes) {
            raw = spec["linux"]?["cgroupsPath"]?.stringValue
        }
        let path = Self.resolve(raw, id: id)
        if filesystemType(cgroupRoot) == Self.cgroup2Magic {
            eventsFile = cgroupRoot + path + "/memory.events"
        } else {
            eventsFile = cgroupRoot + "/memory" + path + "/memory.oom_control"
        }
    }

    /// The runtime's rule: empty → /berth/ID; relative → under /berth.
    public static func resolve(_ raw: String?, id: String) -> String {
        guard let raw, !raw.isEmpty else { return "/berth/" + id }
        return Path.clean(raw.hasPrefix("/") ? raw : "/berth/" + raw)
    }

    /// How many processes the OOM killer killed in the cgroup (0 if unreadable).
    public func oomKillCount() -> Int {
        guard let text = try? FileSystem.readString(eventsFile) else { return 0 }
        for line in text.splitBytes(0x0a) {
            let fields = line.splitBytes(0x20)
            if fields.count == 2 && fields[0] == "oom_kill" { return Int(fields[1]) ?? 0 }
        }
        return 0
    }
}
