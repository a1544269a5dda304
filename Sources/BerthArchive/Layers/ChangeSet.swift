import Glibc

/// Compares two directory trees without overlayfs (a container's rootfs against its
/// image, say) and lists what was added, changed and deleted, the way `docker diff` does:
/// files compare by type, permissions, owner, device, size, mtime and link target;
/// directories by attributes only, and are also reported changed when anything inside
/// them is. Symlinks are never followed.
public enum ChangeSet {
    /// The changes that turn `old` into `new`, sorted bytewise by path.
    public static func changes(from old: String, to new: String) throws(LayerDiffError) -> [Change] {
        let oldRoot = try openRoot(old)
        defer { close(oldRoot) }
        let newRoot = try openRoot(new)
        defer { close(newRoot) }
        var scan = Scan(oldRoot: old, newRoot: new)
        _ = try scan.compare(old: oldRoot, new: newRoot, relative: "")
        return scan.changes.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    static func openRoot(_ path: String) throws(LayerDiffError) -> Int32 {
        switch retrying({ open(path, Linux.pathOnly | O_DIRECTORY | O_CLOEXEC) }) {
        case .success(let fd): return fd
        case .failure(let error): throw .rootUnavailable(path: path, errno: error.code)
        }
    }

    /// The walk over both trees at once.
    struct Scan {
        let oldRoot: String
        let newRoot: String
        var changes: [Change] = []

        /// Compares two directories; returns whether anything below them changed.
        mutating func compare(old: Int32, new: Int32, relative: String) throws(LayerDiffError) -> Bool {
            let oldNames = Set(try list(old, root: oldRoot, relative: relative))
            let newNames = try list(new, root: newRoot, relative: relative)
            var changed = false
            for name in oldNames.subtracting(newNames) {
                changes.append(Change(path: "/" + join(relative, name), kind: .deleted))
                changed = true
            }
            for name in newNames {
                let path = join(relative, name)
                guard let newInfo = lstatAt(new, name) else { continue }
                guard oldNames.contains(name), let oldInfo = lstatAt(old, name) else {
                    try added(name, info: newInfo, in: new, relative: path)
                    changed = true
                    continue
                }
                let different = Self.differs(oldInfo, newInfo) || (isLink(newInfo) && link(old, name) != link(new, name))
                var inner = false
                if isDirectory(oldInfo), isDirectory(newInfo) {
                    let oldChild = try open(old, name, root: oldRoot, relative: path)
                    defer { close(oldChild) }
                    let newChild = try open(new, name, root: newRoot, relative: path)
                    defer { close(newChild) }
                    inner = try compare(old: oldChild, new: newChild, relative: path)
                }
                if different || inner {
                    changes.append(Change(path: "/" + path, kind: .modified))
                    changed = true
                }
            }
            return changed
        }

        /// Records `relative` and, for a directory, everything under it as added.
        mutating func added(_ name: String, info: stat, in directory: Int32, relative: String) throws(LayerDiffError) {
            changes.append(Change(path: "/" + relative, kind: .added))
            guard isDirectory(info) else { return }
            let child = try open(directory, name, root: newRoot, relative: relative)
            defer { close(child) }
            for childName in try list(child, root: newRoot, relative: relative) {
                guard let childInfo = lstatAt(child, childName) else { continue }
                try added(childName, info: childInfo, in: child, relative: join(relative, childName))
            }
        }

        /// Docker's test: mode, owner and device always; size and mtime for non-directories.
        static func differs(_ old: stat, _ new: stat) -> Bool {
            if old.st_mode != new.st_mode || old.st_uid != new.st_uid || old.st_gid != new.st_gid || old.st_rdev != new.st_rdev {
                return true
            }
            guard (new.st_mode & S_IFMT) != S_IFDIR else { return false }
            return old.st_size != new.st_size || old.st_mtim.tv_sec != new.st_mtim.tv_sec || old.st_mtim.tv_nsec != new.st_mtim.tv_nsec
        }

        func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
        func isLink(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFLNK }

        /// A symlink's target bytes, or nil.
        func link(_ directory: Int32, _ name: String) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: 4097)
            let count = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return readlinkat(directory, name, base.assumingMemoryBound(to: CChar.self), bytes.count)
            }
            return count < 0 ? nil : Array(buffer[0..<count])
        }

        /// The UTF-8 names in a directory (others cannot be reported as paths).
        func list(_ directory: Int32, root: String, relative: String) throws(LayerDiffError) -> [String] {
            switch DirectoryListing.names(in: directory) {
            case .failure(let error): throw .system(path: join(root, relative), operation: "readdir", errno: error.code)
            case .success(let names):
                var result: [String] = []
                for raw in names {
                    guard let name = String(validating: raw, as: UTF8.self) else {
                        throw .unrepresentableName(path: join(root, join(relative, String(decoding: raw, as: UTF8.self))))
                    }
                    result.append(name)
                }
                return result
            }
        }

        func open(_ directory: Int32, _ name: String, root: String, relative: String) throws(LayerDiffError) -> Int32 {
            switch retrying({ openat(directory, name, Linux.pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }) {
            case .success(let fd): return fd
            case .failure(let error): throw .system(path: join(root, relative), operation: "open directory", errno: error.code)
            }
        }

        func join(_ relative: String, _ name: String) -> String { relative.isEmpty ? name : relative + "/" + name }
    }
}
