import Glibc

/// Walking an upperdir for LayerDiff: every file below the root, without following
/// symlinks or descending into other file systems.
extension LayerDiff {
    /// The state of one walk: the root's device and what has been found so far.
    struct Walk {
        let rootPath: String
        let rootDevice: dev_t
        let options: DiffOptions
        var nodes: [UpperNode] = []
        var report = LayerDiffReport()

        /// Collects the children of `directory` (`relative` to the root, "" for the root), depth first.
        mutating func collect(_ directory: Int32, relative: String) throws(LayerDiffError) {
            let names: [[UInt8]]
            switch DirectoryListing.names(in: directory) {
            case .success(let listed): names = listed
            case .failure(let error): throw .system(path: shown(relative), operation: "readdir", errno: error.code)
            }
            for raw in names {
                guard let name = String(validating: raw, as: UTF8.self) else {
                    throw .unrepresentableName(path: shown(join(relative, String(decoding: raw, as: UTF8.self))))
                }
                let path = join(relative, name)
                guard let info = lstatAt(directory, name) else {
                    if errno == ENOENT { continue }
                    throw .system(path: shown(path), operation: "fstatat", errno: errno)
                }
                var node = UpperNode(path: path, info: info)
                guard node.isWhiteout || node.entry(options) != nil else {
                    report.skipped.append(path + ": sockets cannot be stored in a tar")
                    continue
                }
                if info.st_dev != rootDevice, node.fileType != S_IFDIR {
                    report.skipped.append(path + ": on another file system")
                    continue
                }
                try describe(&node, in: directory, name: name)
                nodes.append(node)
                guard node.fileType == S_IFDIR else { continue }
                if info.st_dev != rootDevice {
                    report.skipped.append(path + "/: mount point; contents left out")
                    continue
                }
                let child: Int32
                switch retrying({ openat(directory, name, Linux.pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }) {
                case .success(let fd): child = fd
                case .failure(let error): throw .system(path: shown(path), operation: "open directory", errno: error.code)
                }
                defer { close(child) }
                try collect(child, relative: path)
            }
        }

        /// Reads a node's symlink target, xattrs and opaque flag.
        func describe(_ node: inout UpperNode, in directory: Int32, name: String) throws(LayerDiffError) {
            if node.isWhiteout { return }
            let proc = procPath(directory, name)
            switch ExtendedAttributes.all(proc) {
            case .success(let all):
                node.xattrs = all.filter { key, _ in !key.hasPrefix(options.overlayXattrPrefix) }
                node.opaque = node.fileType == S_IFDIR && all[options.overlayXattrPrefix + "opaque"] == [UInt8(ascii: "y")]
            case .failure(let error): throw .system(path: shown(node.path), operation: "llistxattr", errno: error.code)
            }
            if node.fileType == S_IFLNK {
                var buffer = [UInt8](repeating: 0, count: Int(max(node.info.st_size, 0)) + 4097)
                let count = buffer.withUnsafeMutableBytes { bytes -> Int in
                    guard let base = bytes.baseAddress else { return -1 }
                    return readlinkat(directory, name, base.assumingMemoryBound(to: CChar.self), bytes.count)
                }
                guard count >= 0 else { throw .system(path: shown(node.path), operation: "readlinkat", errno: errno) }
                node.linkTarget = String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }

        func join(_ relative: String, _ name: String) -> String { relative.isEmpty ? name : relative + "/" + name }

        /// A path for messages: the upperdir joined with the relative path.
        func shown(_ relative: String) -> String { relative.isEmpty ? rootPath : rootPath + "/" + relative }
    }
}
