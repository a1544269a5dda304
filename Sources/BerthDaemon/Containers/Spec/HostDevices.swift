import CLinuxSys
import Glibc
import LinuxSys
import OCI

/// The host's device nodes, which a `--privileged` container gets (as with
/// dockerd): every character and block device under /dev, except the
/// per-container ones (pts, shm, mqueue, console).
enum HostDevices {
    static let skippedDirectories: Set<String> = ["pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev"]

    /// Devices found under `root` (/dev), as OCI device entries.
    static func list(root: String = "/dev") -> [Device] {
        var devices: [Device] = []
        walk(root, into: &devices)
        return devices
    }

    private static func walk(_ directory: String, into devices: inout [Device]) {
        for name in (try? FileSystem.listDirectory(directory)) ?? [] {
            let path = directory + "/" + name
            guard let info = FileSystem.lstatIfExists(path) else { continue }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                if !skippedDirectories.contains(name) { walk(path, into: &devices) }
                continue
            }
            guard kind == S_IFCHR || kind == S_IFBLK, name != "console", name != "ptmx" else { continue }
            devices.append(Device(type: kind == S_IFCHR ? "c" : "b", path: path,
                                  major: Int64(berth_major(info.st_rdev)), minor: Int64(berth_minor(info.st_rdev)),
                                  fileMode: UInt32(info.st_mode & 0o7777), uid: info.st_uid, gid: info.st_gid))
        }
    }
}
