import CLinuxSys
import Glibc

/// File-system helpers for code that cannot use Foundation (the runtime and the
/// shim): whole-file reads and writes, directory trees, and stat.
public enum FileSystem {
    /// Reads a whole file.
    public static func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = try FileDescriptor.open(path, O_RDONLY)
        defer { fd.close() }
        return try fd.readAll()
    }

    /// Reads a whole file as UTF-8 text.
    public static func readString(_ path: String) throws(SystemError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    /// Writes `bytes` to an existing file without creating or truncating it
    /// first — what cgroup, proc and sys files need.
    public static func writeExisting(_ path: String, _ text: String) throws(SystemError) {
        let fd = try FileDescriptor.open(path, O_WRONLY)
        defer { fd.close() }
        try fd.writeAll(text)
    }

    /// Replaces a file's content atomically: write to a temporary name, fsync, rename.
    ///
    /// `durable: false` skips the fsync: for run-time files (pid files, a
    /// running container's state) that must never be seen half-written but
    /// need not outlive a power loss — the rename alone survives any crash of
    /// the processes involved.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644, durable: Bool = true) throws(SystemError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
        do {
            try fd.writeAll(bytes)
        } catch {
            fd.close()
            unlink(temporary)
            throw error
        }
        if durable { _ = fsync(fd.rawValue) }
        fd.close()
        do {
            try syscallRetrying("rename", path) { rename(temporary, path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Creates a file (truncating it) and writes `bytes`.
    public static func write(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws(SystemError) {
        let fd = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
        defer { fd.close() }
        try fd.writeAll(bytes)
    }

    /// lstat(2), or nil when the path does not exist.
    public static func lstatIfExists(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// stat(2) following links, or nil when the path does not exist.
    public static func statIfExists(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    /// Whether something (even a dangling link) exists at `path`.
    public static func exists(_ path: String) -> Bool { lstatIfExists(path) != nil }

    /// Whether `path` is a directory (following links).
    public static func isDirectory(_ path: String) -> Bool {
        guard let info = statIfExists(path) else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// mkdir -p: creates every missing directory on the way.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(SystemError) {
        if isDirectory(path) { return }
        let parent = Path.parent(of: path)
        if parent != path && !parent.isEmpty { try makeDirectories(parent, mode: mode) }
        if mkdir(path, mode) != 0 {
            let code = currentErrno()
            if code == EEXIST && isDirectory(path) { return }
            throw SystemError("mkdir", path, errno: code)
        }
    }

    /// The names in a directory, without "." and "..".
    public static func listDirectory(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else { throw SystemError("opendir", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// rm -rf without crossing into other mounts' contents: a mount point that
    /// is still mounted makes the removal fail rather than empty it.
    public static func removeTree(_ path: String) throws(SystemError) {
        guard let info = lstatIfExists(path) else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in try listDirectory(path) {
                let child = path + "/" + name
                if let childInfo = lstatIfExists(child), childInfo.st_dev != info.st_dev {
                    throw SystemError("rmdir", child, errno: EBUSY)
                }
                try removeTree(child)
            }
            try syscallRetrying("rmdir", path) { rmdir(path) }
        } else {
            try syscallRetrying("unlink", path) { unlink(path) }
        }
    }

    /// mkfifo(3).
    public static func makeFifo(_ path: String, mode: mode_t = 0o600) throws(SystemError) {
        try syscallRetrying("mkfifo", path) { mkfifo(path, mode) }
    }

    /// symlink(2).
    public static func symlink(target: String, at path: String) throws(SystemError) {
        try syscallRetrying("symlink", path) { Glibc.symlink(target, path) }
    }

    /// readlink(2).
    public static func readLink(_ path: String) throws(SystemError) -> String {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = try syscallRetrying("readlink", path) { readlink(path, &buffer, 4096) }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates an empty file if nothing is there (a bind-mount target).
    public static func touch(_ path: String, mode: mode_t = 0o644) throws(SystemError) {
        let fd = try FileDescriptor.open(path, O_WRONLY | O_CREAT, mode: mode)
        fd.close()
    }
}

/// Path string helpers (no Foundation).
public enum Path {
    /// The directory part of `path` ("/a/b" → "/a", "/a" → "/", "a" → ".").
    public static func parent(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1 && bytes.last == 0x2f { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: 0x2f) else { return "." }
        if slash == 0 { return "/" }
        return String(decoding: bytes[..<slash], as: UTF8.self)
    }

    /// Joins two paths, ignoring a leading "/" on the second.
    public static func join(_ base: String, _ rest: String) -> String {
        let tail = rest.utf8.drop(while: { $0 == 0x2f })
        if tail.isEmpty { return base }
        let text = String(decoding: tail, as: UTF8.self)
        return base.utf8.last == 0x2f ? base + text : base + "/" + text
    }

    /// Resolves "." and ".." lexically and collapses slashes; keeps it absolute
    /// if it was, and never climbs above "/".
    public static func clean(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.splitBytes(0x2f) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty && parts.last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Makes `path` absolute against the current directory.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return clean(path) }
        var buffer = [CChar](repeating: 0, count: 4097)
        guard getcwd(&buffer, 4096) != nil else { return clean("/" + path) }
        let cwd = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return clean(cwd + "/" + path)
    }
}
