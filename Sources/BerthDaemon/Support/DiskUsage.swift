import Glibc
import LinuxSys

/// Bytes used by a directory tree, as dockerd counts them for `SizeRw` and
/// prune's `SpaceReclaimed`: file sizes (each inode once), no symlink followed.
enum DiskUsage {
    /// The apparent size of everything below `path` (0 when it is missing).
    static func size(of path: String) -> Int64 {
        var seen = Set<UInt64>()
        return walk(path, seen: &seen)
    }

    private static func walk(_ path: String, seen: inout Set<UInt64>) -> Int64 {
        guard let names = try? FileSystem.listDirectory(path) else { return 0 }
        var total: Int64 = 0
        for name in names {
            let child = path + "/" + name
            guard let info = FileSystem.lstatIfExists(child) else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: total += walk(child, seen: &seen)
            case S_IFREG:
                if info.st_nlink > 1, !seen.insert(UInt64(info.st_ino)).inserted { continue }
                total += Int64(info.st_size)
            default: continue
            }
        }
        return total
    }
}
