import CLinuxSys
import Glibc

/// Linux constants Glibc does not export to Swift (they sit behind _GNU_SOURCE).
enum Linux {
    static let pathOnly: Int32 = 0o10000000  // O_PATH
    static let emptyPath: Int32 = 0x1000  // AT_EMPTY_PATH
    static let symlinkFollow: Int32 = 0x400  // AT_SYMLINK_FOLLOW
    static let resolveInRoot: UInt64 = 0x10  // RESOLVE_IN_ROOT
    static let resolveNoMagicLinks: UInt64 = 0x02  // RESOLVE_NO_MAGICLINKS
}

/// Runs a syscall, retrying on EINTR; returns its result, or the errno on failure.
@inline(__always)
func retrying(_ call: () -> Int32) -> Result<Int32, Errno> {
    while true {
        let result = call()
        if result >= 0 { return .success(result) }
        if errno != EINTR { return .failure(Errno(errno)) }
    }
}

/// An errno value as an Error.
struct Errno: Error, Equatable {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

/// openat2(2) with RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS: `path` is looked up as if
/// `root` were `/`, so no `..` or symlink can leave it.
func openInRoot(_ root: Int32, _ path: String, flags: Int32, mode: mode_t = 0) -> Result<Int32, Errno> {
    retrying {
        berth_openat2(root, path, UInt64(UInt32(bitPattern: flags | O_CLOEXEC)), UInt64(mode),
                              Linux.resolveInRoot | Linux.resolveNoMagicLinks)
    }
}

/// fstatat(2) without following a final symlink; nil when nothing is there.
func lstatAt(_ directory: Int32, _ name: String) -> stat? {
    var info = stat()
    return fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
}

/// The /proc path naming `name` inside the directory `directory` refers to, for calls
/// that have no *at form (lsetxattr); only the final component is looked up there.
func procPath(_ directory: Int32, _ name: String) -> String { "/proc/self/fd/\(directory)/\(name)" }
