import Glibc
import LinuxSys
import OCI

/// Writes a user namespace's uid/gid maps from the parent, which the child
/// cannot do for itself.
enum IDMaps {
    static func write(pid: pid_t, spec: Spec) throws(RuntimeError) {
        guard let linux = spec.linux,
              (linux.namespaces ?? []).contains(where: { $0.type == "user" && ($0.path ?? "").isEmpty }) else { return }
        func render(_ maps: [IDMapping]?) -> String {
            (maps ?? []).map { "\($0.containerID) \($0.hostID) \($0.size)\n" }.joined()
        }
        do {
            try FileSystem.writeExisting("/proc/\(pid)/setgroups", "allow")
            try FileSystem.writeExisting("/proc/\(pid)/uid_map", render(linux.uidMappings))
            try FileSystem.writeExisting("/proc/\(pid)/gid_map", render(linux.gidMappings))
        } catch {
            throw RuntimeError("write user namespace id maps", error)
        }
    }
}
