import Glibc

/// Recursive removal relative to a directory descriptor (`rm -rf` that cannot escape):
/// each level is opened with O_NOFOLLOW, so a symlink is removed, never followed.
enum TreeRemover {
    /// Removes `name` inside `parent` and, for a directory, everything beneath it; a missing name is not an error.
    static func remove(_ name: [UInt8], in parent: Int32) -> Result<Void, Errno> {
        guard let info = DirectoryListing.lstat(name, in: parent) else { return .success(()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            let opened = DirectoryListing.withCName(name) { cName in
                retrying { openat(parent, cName, Linux.pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            }
            let child: Int32
            switch opened {
            case .success(let fd): child = fd
            case .failure(let error): return .failure(error)
            }
            defer { close(child) }
            if case .failure(let error) = removeContents(of: child) { return .failure(error) }
        }
        let flags = (info.st_mode & S_IFMT) == S_IFDIR ? AT_REMOVEDIR : 0
        let removed = DirectoryListing.withCName(name) { cName in retrying { unlinkat(parent, cName, flags) } }
        if case .failure(let error) = removed, error.code != ENOENT { return .failure(error) }
        return .success(())
    }

    /// Removes everything inside the directory `directory` refers to, keeping the directory.
    static func removeContents(of directory: Int32) -> Result<Void, Errno> {
        switch DirectoryListing.names(in: directory) {
        case .failure(let error): return .failure(error)
        case .success(let names):
            for name in names {
                if case .failure(let error) = remove(name, in: directory) { return .failure(error) }
            }
            return .success(())
        }
    }
}
