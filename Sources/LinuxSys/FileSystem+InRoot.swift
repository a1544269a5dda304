import CLinuxSys
import Glibc

extension FileSystem {
    /// RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS (linux/openat2.h).
    static let resolveInRootFlags: UInt64 = 0x10 | 0x02

    /// Reads `path` as a container sees it inside `root` (e.g. a mounted rootfs's
    /// /etc/passwd) with openat2(2) RESOLVE_IN_ROOT, so a symlink planted in an
    /// image cannot send the read outside the root. Returns nil when the file
    /// does not exist; other failures throw.
    public static func readInRoot(_ root: String, _ path: String) throws(SystemError) -> [UInt8]? {
        let rootFD = try FileDescriptor.open(root, O_RDONLY | O_DIRECTORY)
        defer { rootFD.close() }
        let relative = String(Path.clean("/" + path).dropFirst())
        let target = relative.isEmpty ? "." : relative
        let fd: Int32
        do {
            fd = try syscallRetrying("openat2", path) {
                berth_openat2(rootFD.rawValue, target, UInt64(UInt32(bitPattern: O_RDONLY | O_CLOEXEC)), 0, resolveInRootFlags)
            }
        } catch {
            if error.errno == ENOENT || error.errno == ENOTDIR { return nil }
            throw error
        }
        let file = FileDescriptor(rawValue: fd)
        defer { file.close() }
        return try file.readAll()
    }
}
