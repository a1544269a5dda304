import BerthArchive
import CLinuxSys
import Foundation

/// Helpers for the layer (whiteout and diff) tests: capability probes, overlay mounts, tree snapshots.
enum LayerFixture {
    /// Why trusted.* xattrs cannot be used under `directory` (not root, or the file system refuses), or nil when they can.
    static func trustedXattrsUnavailable(in directory: String) -> String? {
        guard getuid() == 0 else { return "not root" }
        let probe = directory + "/.xattr-probe"
        guard FileManager.default.createFile(atPath: probe, contents: nil) else { return "cannot create \(probe)" }
        defer { unlink(probe) }
        let result = berth_lsetxattr(probe, "trusted.berth.probe", "y", 1, 0)
        return result == 0 ? nil : "trusted xattrs unsupported on \(directory): \(String(cString: strerror(errno)))"
    }

    /// Whether the temp directory's file system takes trusted xattrs; prints the reason when it does not.
    static func requireTrustedXattrs(_ temp: TemporaryDirectory, test: String) -> Bool {
        if let reason = trustedXattrsUnavailable(in: temp.path) {
            print("skipping \(test): \(reason)")
            return false
        }
        return true
    }

    /// Writes `text` to `path`, creating parents.
    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Sets atime and mtime of everything under `root` (and `root`) to `seconds`, not following symlinks.
    static func setTimes(under root: String, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        for path in listTree(root).map({ root + "/" + $0 }) + [root] {
            _ = utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
        }
    }

    /// Every path under `root` with its type, permissions and contents or link target: what two trees must share to look the same.
    static func snapshot(_ root: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in listTree(root) {
            guard let info = lstatPath(root + "/" + path) else { continue }
            let mode = String(info.st_mode & 0o7777, radix: 8)
            switch info.st_mode & S_IFMT {
            case S_IFDIR: result[path] = "dir \(mode)"
            case S_IFLNK: result[path] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + path)) ?? "?")
            case S_IFREG: result[path] = "file \(mode) " + String(decoding: contents(root + "/" + path) ?? [], as: UTF8.self)
            case S_IFCHR: result[path] = "chr \(mode) \(berth_major(info.st_rdev))/\(berth_minor(info.st_rdev))"
            default: result[path] = "other \(info.st_mode & S_IFMT)"
            }
        }
        return result
    }

    /// A layer tar of everything under `directory` (a plain directory diffs as a base layer).
    static func diff(_ directory: String, options: DiffOptions = DiffOptions()) throws -> [UInt8] {
        var writer = TarWriter(MemoryByteSink())
        try LayerDiff.write(upperDirectory: directory, to: &writer, options: options)
        return writer.sink.bytes
    }

    /// The value of an xattr, or nil.
    static func xattr(_ path: String, _ name: String) -> [UInt8]? {
        var value = [UInt8](repeating: 0, count: 256)
        let count = berth_lgetxattr(path, name, &value, value.count)
        return count < 0 ? nil : Array(value[0..<count])
    }
}

/// An overlayfs mount made with /bin/mount; `unmount()` is safe to call more than once.
final class OverlayMount {
    let merged: String
    private var mounted = false

    /// Mounts `lower` (top-most first) with an optional upper/work pair at `merged`.
    init(lower: [String], upper: String? = nil, work: String? = nil, merged: String) throws {
        self.merged = merged
        var data = "lowerdir=" + lower.joined(separator: ":")
        if let upper, let work { data += ",upperdir=\(upper),workdir=\(work)" }
        try run(["mount", "-t", "overlay", "overlay", "-o", data, merged])
        mounted = true
    }

    func unmount() {
        guard mounted else { return }
        if (try? run(["umount", merged])) == nil { _ = try? run(["umount", "-l", merged]) }
        mounted = false
    }

    deinit { unmount() }
}
