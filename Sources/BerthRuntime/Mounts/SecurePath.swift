import CLinuxSys
import Glibc
import LinuxSys

/// Resolves paths inside a container root so that no symlink planted in the
/// image can send a mount or a device node outside it: every lookup is made by
/// the kernel with openat2(RESOLVE_IN_ROOT), and missing pieces are created
/// relative to descriptors, never by re-walking a string.
struct SecurePath {
    /// O_PATH descriptor of the root.
    let root: FileDescriptor
    let rootPath: String

    static let resolveInRoot: UInt64 = 0x10  // RESOLVE_IN_ROOT
    static let resolveNoMagicLinks: UInt64 = 0x02  // RESOLVE_NO_MAGICLINKS
    static let oPath: Int32 = 0o10000000  // O_PATH

    init(rootPath: String) throws(RuntimeError) {
        do {
            root = try FileDescriptor.open(rootPath, Self.oPath | O_DIRECTORY)
        } catch {
            throw RuntimeError("open rootfs", error)
        }
        self.rootPath = rootPath
    }

    /// Opens `path` (container-absolute) as O_PATH, resolved inside the root.
    func open(_ path: String, flags: Int32 = SecurePath.oPath) throws(SystemError) -> FileDescriptor {
        let relative = String(Path.clean("/" + path).dropFirst())
        let target = relative.isEmpty ? "." : relative
        let fd = try syscallRetrying("openat2", path) {
            berth_openat2(root.rawValue, target, UInt64(UInt32(bitPattern: flags | O_CLOEXEC)), 0,
                          Self.resolveInRoot | Self.resolveNoMagicLinks)
        }
        return FileDescriptor(rawValue: fd)
    }

    /// Ensures `path` exists inside the root — a directory, or an empty file when
    /// `file` is true — creating missing parents, and returns an O_PATH descriptor.
    /// Symlinks met on the way are followed, but never out of the root.
    func ensure(_ path: String, file: Bool = false, mode: mode_t = 0o755) throws(SystemError) -> FileDescriptor {
        if let existing = try? open(path) { return existing }
        let components = Path.clean("/" + path).splitBytes(0x2f).map(String.init)
        var prefix = ""
        for (index, component) in components.enumerated() {
            let parent = prefix.isEmpty ? "/" : prefix
            prefix += "/" + component
            if let found = try? open(prefix) {
                found.close()
                continue
            }
            let directory = try open(parent, flags: O_RDONLY | O_DIRECTORY)
            defer { directory.close() }
            if index == components.count - 1 && file {
                let created = berth_openat(directory.rawValue, component, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o644)
                if created >= 0 { Glibc.close(created) } else if currentErrno() != EEXIST {
                    throw SystemError("create", prefix)
                }
            } else if mkdirat(directory.rawValue, component, mode) != 0 && currentErrno() != EEXIST {
                throw SystemError("mkdir", prefix)
            }
        }
        return try open(path)
    }

    /// The magic-link path mount(2) can use to target what `fd` refers to.
    static func procPath(_ fd: FileDescriptor) -> String { "/proc/self/fd/\(fd.rawValue)" }
}
