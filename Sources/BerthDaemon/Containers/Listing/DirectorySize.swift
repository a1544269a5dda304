import Glibc
import LinuxSys

/// The bytes a directory tree holds, counted as dockerd counts a container's
/// writable layer (SizeRw): every non-directory's size, hard links once.
enum DirectorySize {
    /// Total size under `path`; 0 when it does not exist.
    static func bytes(_ path: String) -> Int64 {
        var seen: Set<UInt64> = []
        return walk(path, seen: &seen)
    }

    private static func walk(_ path: String, seen: inout Set<UInt64>) -> Int64 {
        var total: Int64 = 0
        for name in (try? FileSystem.listDirectory(path)) ?? [] {
            let child = path + "/" + name
            guard let info = FileSystem.lstatIfExists(child) else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                total += walk(child, seen: &seen)
                continue
            }
            if info.st_nlink > 1 && !seen.insert(UInt64(info.st_ino)).inserted { continue }
            total += Int64(info.st_size)
        }
        return total
    }
}
