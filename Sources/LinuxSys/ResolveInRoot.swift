import CLinuxSys
import Glibc

/// openat2(2)'s RESOLVE_* flags: how the kernel may walk a path. `inRoot` is
/// what keeps a path inside a container's root filesystem — symlinks (and
/// `..`) are resolved as if the starting directory were `/`.
public struct ResolveFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let noXDev = ResolveFlags(rawValue: 0x01)  // RESOLVE_NO_XDEV
    public static let noMagicLinks = ResolveFlags(rawValue: 0x02)  // RESOLVE_NO_MAGICLINKS
    public static let noSymlinks = ResolveFlags(rawValue: 0x04)  // RESOLVE_NO_SYMLINKS
    public static let beneath = ResolveFlags(rawValue: 0x08)  // RESOLVE_BENEATH
    public static let inRoot = ResolveFlags(rawValue: 0x10)  // RESOLVE_IN_ROOT
}

extension FileDescriptor {
    /// openat2(2) relative to this directory with `resolve` rules, close-on-exec,
    /// EINTR retried. `openAt2(path, O_PATH, resolve: .inRoot)` opens a path of a
    /// container as the container would see it, never reaching outside.
    public func openAt2(
        _ path: String, _ flags: Int32, mode: mode_t = 0, resolve: ResolveFlags
    ) throws(SystemError) -> FileDescriptor {
        let all = UInt64(UInt32(bitPattern: flags | O_CLOEXEC))
        let fd = try syscallRetrying("openat2", path) {
            berth_openat2(rawValue, path, all, UInt64(mode), resolve.rawValue)
        }
        return FileDescriptor(rawValue: fd)
    }
}
