import CLinuxSys
import Glibc

/// The state of one extraction: the root descriptor, the report, and directories
/// whose mode and times wait until their contents are in place.
struct ExtractionSession {
    let root: Int32
    let options: ExtractionOptions
    var report = ExtractionReport()
    /// Directory path → (mode, mtime), applied deepest-first at the end.
    var pendingDirectories: [String: (mode: UInt32, time: TarTimestamp, entry: String)] = [:]
    /// Paths this archive created (with their parents), in `.apply` whiteout mode: what an
    /// opaque marker keeps.
    var layerPaths: Set<String> = []

    init(root: Int32, options: ExtractionOptions) {
        self.root = root
        self.options = options
    }

    /// Places one entry, consuming its data from `reader` when it has any.
    mutating func extract<Source: ByteSource>(_ entry: TarEntry, from reader: inout TarReader<Source>) throws(ExtractionError) {
        let path = ArchivePath(entry.name)
        if path.escapes {
            try refuse(.escapesRoot(entry: entry.name, path: entry.name))
            return
        }
        if path.wasAbsolute { warn(entry, "leading \"/\" removed") }
        guard let leaf = path.components.last else {
            if entry.type == .directory {
                try applyOwnership(entry, directory: root, name: ".")
                pendingDirectories["."] = (entry.mode, entry.modificationTime, entry.name)
                report.extracted += 1
            } else {
                warn(entry, "names the root itself; skipped")
            }
            return
        }
        if options.whiteouts != .preserve, let whiteout = Whiteout(baseName: leaf) {
            try applyWhiteout(whiteout, entry: entry, path: path)
            return
        }
        if options.whiteouts == .apply { recordLayerPath(path) }
        let parent = try openParent(Array(path.components.dropLast()), entry: entry)
        defer { close(parent) }
        switch entry.type {
        case .directory: try makeDirectory(entry, parent: parent, name: leaf, path: path.relative)
        case .regular: try makeFile(entry, parent: parent, name: leaf, reader: &reader)
        case .symbolicLink: try makeSymlink(entry, parent: parent, name: leaf)
        case .hardLink: try makeHardLink(entry, parent: parent, name: leaf)
        case .characterDevice(let major, let minor):
            try makeNode(entry, parent: parent, name: leaf, kind: S_IFCHR, device: berth_makedev(major, minor))
        case .blockDevice(let major, let minor):
            try makeNode(entry, parent: parent, name: leaf, kind: S_IFBLK, device: berth_makedev(major, minor))
        case .fifo: try makeNode(entry, parent: parent, name: leaf, kind: S_IFIFO, device: 0)
        case .other(let flag):
            warn(entry, "unsupported entry type \(Character(Unicode.Scalar(flag))); skipped")
        }
    }

    /// Throws `error`, or records it as a warning when the policy is to skip.
    mutating func refuse(_ error: ExtractionError) throws(ExtractionError) {
        guard options.unsafeEntries == .skip else { throw error }
        let entry: String
        switch error {
        case .escapesRoot(let name, _), .badHardLinkTarget(let name, _, _), .system(let name, _, _): entry = name
        default: entry = ""
        }
        report.warnings.append(ExtractionWarning(entry: entry, message: "skipped: \(error)"))
    }

    mutating func warn(_ entry: TarEntry, _ message: String) {
        report.warnings.append(ExtractionWarning(entry: entry.name, message: message))
    }

    /// Opens (O_PATH) the directory that will hold an entry, creating missing parents
    /// with mode 0755; every step is resolved inside the root.
    func openParent(_ components: [String], entry: TarEntry) throws(ExtractionError) -> Int32 {
        let directoryFlags = Linux.pathOnly | O_DIRECTORY
        let whole = components.isEmpty ? "." : components.joined(separator: "/")
        switch openInRoot(root, whole, flags: directoryFlags) {
        case .success(let fd): return fd
        case .failure(let error) where error.code == ENOENT: break
        case .failure(let error): throw .system(entry: entry.name, operation: "open parent \(whole)", errno: error.code)
        }
        var current = try openOrThrow(".", flags: directoryFlags, entry: entry)
        var prefix: [String] = []
        for component in components {
            prefix.append(component)
            let path = prefix.joined(separator: "/")
            if case .failure(let error) = retrying({ mkdirat(current, component, 0o755) }), error.code != EEXIST {
                close(current)
                throw .system(entry: entry.name, operation: "mkdirat \(path)", errno: error.code)
            }
            close(current)
            current = try openOrThrow(path, flags: directoryFlags, entry: entry)
        }
        return current
    }

    /// openat2 inside the root, or a system error naming the entry.
    func openOrThrow(_ path: String, flags: Int32, entry: TarEntry) throws(ExtractionError) -> Int32 {
        switch openInRoot(root, path, flags: flags) {
        case .success(let fd): return fd
        case .failure(let error): throw .system(entry: entry.name, operation: "openat2 \(path)", errno: error.code)
        }
    }

    /// Removes whatever is at `name` so a new entry can take its place; a non-empty
    /// directory is an error (tar never silently deletes a tree) except in `.apply`
    /// whiteout mode, where a layer's file replaces a lower layer's whole directory.
    func clearLeaf(_ parent: Int32, _ name: String, entry: TarEntry) throws(ExtractionError) {
        guard let existing = lstatAt(parent, name) else { return }
        if options.whiteouts == .apply, (existing.st_mode & S_IFMT) == S_IFDIR {
            if case .failure(let error) = TreeRemover.remove(Array(name.utf8), in: parent) {
                throw .system(entry: entry.name, operation: "replace existing directory \(name)", errno: error.code)
            }
            return
        }
        let flags = (existing.st_mode & S_IFMT) == S_IFDIR ? AT_REMOVEDIR : 0
        if case .failure(let error) = retrying({ unlinkat(parent, name, flags) }), error.code != ENOENT {
            throw .system(entry: entry.name, operation: "replace existing \(name)", errno: error.code)
        }
    }

    /// Applies every directory's mode and times, deepest first, once all entries exist.
    mutating func finishDirectories() throws(ExtractionError) {
        let ordered = pendingDirectories.keys.sorted {
            let depths = ($0.split(separator: "/").count, $1.split(separator: "/").count)
            return depths.0 != depths.1 ? depths.0 > depths.1 : $0 < $1
        }
        for path in ordered {
            guard let pending = pendingDirectories[path] else { continue }
            let entry = TarEntry(name: pending.entry, type: .directory)
            // O_NOFOLLOW: if a later entry replaced the directory by a symlink, leave it alone.
            guard case .success(let fd) = openInRoot(root, path, flags: O_RDONLY | O_DIRECTORY | O_NOFOLLOW) else {
                warn(entry, "directory replaced before its mode and times could be set")
                continue
            }
            defer { close(fd) }
            if case .failure(let error) = retrying({ fchmod(fd, mode_t(pending.mode)) }) {
                throw .system(entry: pending.entry, operation: "fchmod", errno: error.code)
            }
            var times = Self.times(pending.time)
            if case .failure(let error) = retrying({ futimens(fd, &times) }) {
                throw .system(entry: pending.entry, operation: "futimens", errno: error.code)
            }
        }
        pendingDirectories = [:]
    }

    /// atime and mtime for utimensat/futimens (tar keeps only mtime; atime follows it).
    static func times(_ time: TarTimestamp) -> [timespec] {
        let spec = timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds))
        return [spec, spec]
    }
}
