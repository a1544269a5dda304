import BerthAPI
import Foundation
import Glibc
import LinuxSys

/// A path of `docker cp` resolved inside a container's root filesystem the
/// way dockerd resolves it — every component but the last followed (symlinks
/// taken as the container sees them: openat2 RESOLVE_IN_ROOT, so nothing can
/// point outside), the last one followed too only for `dir/` or `dir/.` — and
/// held as an open descriptor, so later steps cannot be redirected.
struct ContainerPath: ~Copyable {
    /// The directory holding the entry, or the entry itself when `name` is empty.
    let directory: FileDescriptor
    /// The entry's name inside `directory`; empty when the final component was followed.
    let name: String
    /// The cleaned absolute path inside the container.
    let absolute: String
    /// The name the entry gets in a tar and in the stat header (`.` for `dir/.`).
    let baseName: String

    /// O_PATH, which Glibc does not export to Swift.
    static let pathOnly: Int32 = 0o10000000

    /// Resolves `path` under `rootfs`; a missing path is dockerd's 404 naming `container`.
    init(_ path: String, rootfs: String, container: String) throws {
        let follow = path.hasSuffix("/") || path.hasSuffix("/.") || path == "."
        let absolute = Path.clean(path.hasPrefix("/") ? path : "/" + path)
        let root = try FileDescriptor.open(rootfs, Self.pathOnly | O_DIRECTORY)
        defer { root.close() }
        let resolve: ResolveFlags = [.inRoot, .noMagicLinks]
        do {
            if follow || absolute == "/" {
                directory = try root.openAt2(absolute, Self.pathOnly, resolve: resolve)
                name = ""
            } else {
                directory = try root.openAt2(Path.parent(of: absolute), Self.pathOnly | O_DIRECTORY, resolve: resolve)
                name = String(absolute.split(separator: "/").last ?? "")
            }
        } catch {
            if error.errno == ENOENT || error.errno == ENOTDIR { throw Self.notFound(path, container) }
            throw APIError.internalError("resolve \(path) in container \(container): \(error.reason)")
        }
        self.absolute = absolute
        baseName = path.hasSuffix("/.") || path == "." || absolute == "/" ? "." : String(absolute.split(separator: "/").last ?? "")
    }

    deinit { directory.close() }

    /// dockerd's 404 for a path that is not in the container.
    static func notFound(_ path: String, _ container: String) -> APIError {
        .notFound("Could not find the file \(path) in container \(container)")
    }

    /// lstat of the entry; nil when it does not exist.
    func info() -> stat? {
        var info = stat()
        let flags: Int32 = name.isEmpty ? 0x1000 : AT_SYMLINK_NOFOLLOW  // AT_EMPTY_PATH
        return fstatat(directory.rawValue, name, &info, flags) == 0 ? info : nil
    }

    /// The stat header dockerd sends: base name, size, Go file mode, mtime and,
    /// for a symlink, where it leads inside the container.
    func pathStat(rootfs: String, container: String, original: String) throws -> ContainerPathStat {
        guard let info = info() else { throw Self.notFound(original, container) }
        var linkTarget = ""
        if info.st_mode & S_IFMT == S_IFLNK, let root = try? FileDescriptor.open(rootfs, Self.pathOnly | O_DIRECTORY) {
            defer { root.close() }
            if let target = try? root.openAt2(absolute, Self.pathOnly, resolve: [.inRoot, .noMagicLinks]) {
                defer { target.close() }
                // Both as the kernel names them, so a symlinked data root compares right.
                let host = (try? FileSystem.readLink("/proc/self/fd/\(target.rawValue)")) ?? ""
                let cleanRoot = (try? FileSystem.readLink("/proc/self/fd/\(root.rawValue)")) ?? Path.clean(rootfs)
                linkTarget = host == cleanRoot ? "/" : host.hasPrefix(cleanRoot + "/") ? String(host.dropFirst(cleanRoot.count)) : ""
            }
        }
        let mtime = RFC3339.format(seconds: Int64(info.st_mtim.tv_sec), fractionDigits: 0)
        return ContainerPathStat(
            name: baseName, size: Int64(info.st_size), mode: ContainerPathStat.goFileMode(UInt32(info.st_mode)),
            mtime: mtime, linkTarget: linkTarget)
    }
}
