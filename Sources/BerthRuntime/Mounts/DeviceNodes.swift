import CLinuxSys
import Glibc
import LinuxSys
import OCI

/// Creates the container's /dev: the nodes every container gets (null, zero,
/// full, random, urandom, tty), the ones config.json lists, and the usual
/// symlinks (fd, stdin, stdout, stderr, ptmx).
struct DeviceNodes {
    let secure: SecurePath

    /// The nodes Docker and runc always provide.
    static let defaults: [Device] = [
        Device(type: "c", path: "/dev/null", major: 1, minor: 3, fileMode: 0o666, uid: 0, gid: 0),
        Device(type: "c", path: "/dev/zero", major: 1, minor: 5, fileMode: 0o666, uid: 0, gid: 0),
        Device(type: "c", path: "/dev/full", major: 1, minor: 7, fileMode: 0o666, uid: 0, gid: 0),
        Device(type: "c", path: "/dev/random", major: 1, minor: 8, fileMode: 0o666, uid: 0, gid: 0),
        Device(type: "c", path: "/dev/urandom", major: 1, minor: 9, fileMode: 0o666, uid: 0, gid: 0),
        Device(type: "c", path: "/dev/tty", major: 5, minor: 0, fileMode: 0o666, uid: 0, gid: 0),
    ]

    func create(extra: [Device]) throws(RuntimeError) {
        var all = Self.defaults
        for device in extra {
            all.removeAll { $0.path == device.path }
            all.append(device)
        }
        for device in all { try createNode(device) }
        try createSymlinks()
    }

    private func createNode(_ device: Device) throws(RuntimeError) {
        let path = Path.clean("/" + device.path)
        guard path.hasPrefix("/dev/") else { throw RuntimeError("device path \(device.path) is not under /dev") }
        let typeBits: mode_t
        switch device.type {
        case "c", "u": typeBits = S_IFCHR
        case "b": typeBits = S_IFBLK
        case "p": typeBits = S_IFIFO
        default: throw RuntimeError("device \(device.path) has unknown type \"\(device.type)\"")
        }
        let parentPath = Path.parent(of: path)
        let name = String(path.splitBytes(0x2f).last ?? "")
        do {
            let parentPathFD = try secure.ensure(parentPath)
            parentPathFD.close()
            let parent = try secure.open(parentPath, flags: O_RDONLY | O_DIRECTORY)
            defer { parent.close() }
            _ = unlinkat(parent.rawValue, name, 0)
            let dev = berth_makedev(UInt32(truncatingIfNeeded: device.major ?? 0), UInt32(truncatingIfNeeded: device.minor ?? 0))
            let mode = typeBits | mode_t(device.fileMode ?? 0o666) & 0o7777
            if mknodat(parent.rawValue, name, mode, dev) != 0 {
                // Without CAP_MKNOD (user namespaces) bind the host's node instead.
                guard currentErrno() == EPERM else { throw SystemError("mknod", path) }
                let created = berth_openat(parent.rawValue, name, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
                if created >= 0 { Glibc.close(created) }
                let target = try secure.open(path)
                defer { target.close() }
                try mount(source: path, target: SecurePath.procPath(target), type: nil, flags: .bind)
                return
            }
            _ = fchmodat(parent.rawValue, name, mode & 0o7777, 0)
            _ = fchownat(parent.rawValue, name, device.uid ?? 0, device.gid ?? 0, Int32(AT_SYMLINK_NOFOLLOW))
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError("create device \(path)", error)
        }
    }

    private func createSymlinks() throws(RuntimeError) {
        let links: [(String, String)] = [
            ("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
            ("stderr", "/proc/self/fd/2"), ("ptmx", "pts/ptmx"),
        ]
        guard let dev = try? secure.open("/dev", flags: O_RDONLY | O_DIRECTORY) else { return }
        defer { dev.close() }
        for (name, target) in links {
            if symlinkat(target, dev.rawValue, name) != 0 && currentErrno() != EEXIST {
                throw RuntimeError("create /dev/\(name)", SystemError("symlink", "/dev/" + name))
            }
        }
    }
}
