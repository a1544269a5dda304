import CLinuxSys
import Glibc

/// Creating each kind of file system object for ExtractionSession.
extension ExtractionSession {
    /// Creates (or keeps) a directory; mode and times are deferred to `finishDirectories`.
    mutating func makeDirectory(_ entry: TarEntry, parent: Int32, name: String, path: String) throws(ExtractionError) {
        if let existing = lstatAt(parent, name), (existing.st_mode & S_IFMT) != S_IFDIR {
            try clearLeaf(parent, name, entry: entry)
        }
        if case .failure(let error) = retrying({ mkdirat(parent, name, 0o700) }), error.code != EEXIST {
            throw .system(entry: entry.name, operation: "mkdirat", errno: error.code)
        }
        try applyOwnership(entry, directory: parent, name: name)
        try applyXattrs(entry, directory: parent, name: name)
        pendingDirectories[path] = (entry.mode, entry.modificationTime, entry.name)
        report.extracted += 1
    }

    /// Creates a regular file and streams the entry's data into it.
    mutating func makeFile<Source: ByteSource>(_ entry: TarEntry, parent: Int32, name: String, reader: inout TarReader<Source>) throws(ExtractionError) {
        try clearLeaf(parent, name, entry: entry)
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        let fd: Int32
        switch retrying({ berth_openat(parent, name, flags, 0o600) }) {
        case .success(let opened): fd = opened
        case .failure(let error): throw .system(entry: entry.name, operation: "create file", errno: error.code)
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128 * 1024)
        while true {
            let got: Int
            do {
                got = try buffer.withMutableBytes { (bytes) throws(TarError) -> Int in try reader.readData(into: bytes) }
            } catch {
                throw .archive(error)
            }
            if got == 0 { break }
            try writeAll(fd, buffer, count: got, entry: entry)
        }
        try applyOwnership(entry, directory: parent, name: name)
        if case .failure(let error) = retrying({ fchmod(fd, mode_t(entry.mode)) }) {
            throw .system(entry: entry.name, operation: "fchmod", errno: error.code)
        }
        try applyXattrs(entry, directory: parent, name: name)
        var times = Self.times(entry.modificationTime)
        if case .failure(let error) = retrying({ futimens(fd, &times) }) {
            throw .system(entry: entry.name, operation: "futimens", errno: error.code)
        }
        report.extracted += 1
    }

    /// Writes the first `count` bytes of `buffer` to `fd`.
    func writeAll(_ fd: Int32, _ buffer: [UInt8], count: Int, entry: TarEntry) throws(ExtractionError) {
        var offset = 0
        while offset < count {
            let written = buffer.withUnsafeBytes { bytes in
                write(fd, bytes.baseAddress.map { $0 + offset }, count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                throw .system(entry: entry.name, operation: "write", errno: written < 0 ? errno : EIO)
            }
        }
    }

    /// Creates a symbolic link; its target is stored verbatim (it is only ever followed inside the root).
    mutating func makeSymlink(_ entry: TarEntry, parent: Int32, name: String) throws(ExtractionError) {
        try clearLeaf(parent, name, entry: entry)
        if case .failure(let error) = retrying({ symlinkat(entry.linkName, parent, name) }) {
            throw .system(entry: entry.name, operation: "symlinkat", errno: error.code)
        }
        try applyOwnership(entry, directory: parent, name: name)
        try applyXattrs(entry, directory: parent, name: name)
        try applyTimes(entry, directory: parent, name: name)
        report.extracted += 1
    }

    /// Creates a hard link to an earlier entry, resolved inside the root; directories are refused.
    mutating func makeHardLink(_ entry: TarEntry, parent: Int32, name: String) throws(ExtractionError) {
        let target = ArchivePath(entry.linkName)
        guard !target.escapes, !target.components.isEmpty else {
            try refuse(.badHardLinkTarget(entry: entry.name, target: entry.linkName, reason: "target is outside the root"))
            return
        }
        let source: Int32
        switch openInRoot(root, target.relative, flags: Linux.pathOnly | O_NOFOLLOW) {
        case .success(let fd): source = fd
        case .failure(let error):
            try refuse(.badHardLinkTarget(entry: entry.name, target: entry.linkName,
                                          reason: "target not found in the root (\(String(cString: strerror(error.code))))"))
            return
        }
        defer { close(source) }
        var info = stat()
        guard fstat(source, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            try refuse(.badHardLinkTarget(entry: entry.name, target: entry.linkName, reason: "target is a directory"))
            return
        }
        if let existing = lstatAt(parent, name), existing.st_dev == info.st_dev, existing.st_ino == info.st_ino {
            report.extracted += 1  // Already the same file.
            return
        }
        try clearLeaf(parent, name, entry: entry)
        var result = retrying { linkat(source, "", parent, name, Linux.emptyPath) }
        if case .failure(let error) = result, error.code == ENOENT || error.code == EPERM {
            // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; the /proc link of the O_PATH descriptor does not.
            result = retrying { linkat(AT_FDCWD, "/proc/self/fd/\(source)", parent, name, Linux.symlinkFollow) }
        }
        if case .failure(let error) = result {
            throw .system(entry: entry.name, operation: "linkat", errno: error.code)
        }
        report.extracted += 1
    }

    /// Creates a device node or fifo; devices that need privilege become warnings.
    mutating func makeNode(_ entry: TarEntry, parent: Int32, name: String, kind: mode_t, device: dev_t) throws(ExtractionError) {
        try clearLeaf(parent, name, entry: entry)
        if case .failure(let error) = retrying({ mknodat(parent, name, kind | 0o600, device) }) {
            if error.code == EPERM, kind != S_IFIFO {
                warn(entry, "device node skipped: \(String(cString: strerror(error.code)))")
                return
            }
            throw .system(entry: entry.name, operation: "mknodat", errno: error.code)
        }
        try applyOwnership(entry, directory: parent, name: name)
        if case .failure(let error) = retrying({ fchmodat(parent, name, mode_t(entry.mode), 0) }) {
            throw .system(entry: entry.name, operation: "fchmodat", errno: error.code)
        }
        try applyXattrs(entry, directory: parent, name: name)
        try applyTimes(entry, directory: parent, name: name)
        report.extracted += 1
    }
}
