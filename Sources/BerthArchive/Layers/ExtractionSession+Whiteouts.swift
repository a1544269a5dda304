import CLinuxSys
import Glibc

/// Whiteout entries for ExtractionSession, in `.overlay` and `.apply` modes (see WhiteoutMode).
/// Every path is resolved inside the root and no symlink is followed out of it.
extension ExtractionSession {
    /// The xattr overlayfs reads to treat a directory as opaque, and its value.
    static let opaqueXattr = "trusted.overlay.opaque"

    /// Carries out one whiteout entry instead of creating it as a file.
    mutating func applyWhiteout(_ whiteout: Whiteout, entry: TarEntry, path: ArchivePath) throws(ExtractionError) {
        let directory = Array(path.components.dropLast())
        switch whiteout {
        case .metadata, .invalid:
            warn(entry, "whiteout entry carries no deletion; skipped")
        case .remove(let name):
            if options.whiteouts == .overlay {
                try makeOverlayWhiteout(entry, directory: directory, name: name)
            } else {
                try removeLower(entry, directory: directory, name: name)
            }
        case .opaque:
            if options.whiteouts == .overlay {
                try markOpaque(entry, directory: directory)
            } else {
                try clearOpaque(entry, directory: directory)
            }
        }
    }

    /// Records a path the archive places, and its parents, for `.wh..wh..opq` in `.apply` mode.
    mutating func recordLayerPath(_ path: ArchivePath) {
        var prefix: [String] = []
        for component in path.components {
            prefix.append(component)
            layerPaths.insert(prefix.joined(separator: "/"))
        }
    }

    /// overlayfs's whiteout: a 0/0 character device named `name`, owned as the entry says.
    mutating func makeOverlayWhiteout(_ entry: TarEntry, directory: [String], name: String) throws(ExtractionError) {
        let parent = try openParent(directory, entry: entry)
        defer { close(parent) }
        try clearLeaf(parent, name, entry: entry)
        if case .failure(let error) = retrying({ mknodat(parent, name, S_IFCHR, berth_makedev(0, 0)) }) {
            throw .system(entry: entry.name, operation: "mknodat whiteout \(name) (needs CAP_MKNOD)", errno: error.code)
        }
        try applyOwnership(entry, directory: parent, name: name)
        try applyTimes(entry, directory: parent, name: name)
        report.extracted += 1
    }

    /// overlayfs's opaque directory: `trusted.overlay.opaque=y` on the marker's directory.
    mutating func markOpaque(_ entry: TarEntry, directory: [String]) throws(ExtractionError) {
        let parent = try openParent(directory, entry: entry)
        defer { close(parent) }
        let value: [UInt8] = [UInt8(ascii: "y")]
        let path = procPath(parent, ".")
        let result = value.withUnsafeBytes { bytes in
            retrying { berth_lsetxattr(path, Self.opaqueXattr, bytes.baseAddress, bytes.count, 0) }
        }
        if case .failure(let error) = result {
            throw .system(entry: entry.name, operation: "lsetxattr \(Self.opaqueXattr) (needs CAP_SYS_ADMIN)", errno: error.code)
        }
        report.extracted += 1
    }

    /// Deletes `name` (recursively) from the tree below; nothing there is not an error.
    mutating func removeLower(_ entry: TarEntry, directory: [String], name: String) throws(ExtractionError) {
        guard let parent = try openExisting(directory, entry: entry) else { return }
        defer { close(parent) }
        if case .failure(let error) = TreeRemover.remove(Array(name.utf8), in: parent) {
            throw .system(entry: entry.name, operation: "remove whiteout target \(name)", errno: error.code)
        }
        report.extracted += 1
    }

    /// Empties an opaque directory of everything this archive did not place there itself.
    mutating func clearOpaque(_ entry: TarEntry, directory: [String]) throws(ExtractionError) {
        recordLayerPath(ArchivePath(directory.joined(separator: "/")))
        guard let parent = try openExisting(directory, entry: entry) else { return }
        defer { close(parent) }
        try removeUnplaced(in: parent, relative: directory.joined(separator: "/"), entry: entry)
        report.extracted += 1
    }

    /// Removes each child of `directory` not in `layerPaths`, descending into the ones that are.
    func removeUnplaced(in directory: Int32, relative: String, entry: TarEntry) throws(ExtractionError) {
        let names: [[UInt8]]
        switch DirectoryListing.names(in: directory) {
        case .success(let listed): names = listed
        case .failure(let error): throw .system(entry: entry.name, operation: "list \(relative)", errno: error.code)
        }
        for name in names {
            let childName = String(validating: name, as: UTF8.self)
            let child = childName.map { relative.isEmpty ? $0 : relative + "/" + $0 }
            guard let child, layerPaths.contains(child) else {
                if case .failure(let error) = TreeRemover.remove(name, in: directory) {
                    let shown = relative + "/" + String(decoding: name, as: UTF8.self)
                    throw .system(entry: entry.name, operation: "remove \(shown) under opaque directory", errno: error.code)
                }
                continue
            }
            guard let info = DirectoryListing.lstat(name, in: directory), (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            let opened = DirectoryListing.withCName(name) { cName in
                retrying { openat(directory, cName, Linux.pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            }
            guard case .success(let fd) = opened else { continue }
            defer { close(fd) }
            try removeUnplaced(in: fd, relative: child, entry: entry)
        }
    }

    /// Opens (O_PATH) an existing directory inside the root, or nil when it is not there.
    func openExisting(_ components: [String], entry: TarEntry) throws(ExtractionError) -> Int32? {
        let whole = components.isEmpty ? "." : components.joined(separator: "/")
        switch openInRoot(root, whole, flags: Linux.pathOnly | O_DIRECTORY) {
        case .success(let fd): return fd
        case .failure(let error) where error.code == ENOENT || error.code == ENOTDIR: return nil
        case .failure(let error): throw .system(entry: entry.name, operation: "open \(whole)", errno: error.code)
        }
    }
}
