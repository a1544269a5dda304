import CLinuxSys
import Glibc

/// Turns an overlayfs upperdir into a Docker/OCI layer tar (what `docker commit` and each
/// build step produce): whiteout devices become `.wh.NAME`, opaque directories get a
/// `.wh..wh..opq` marker, overlay bookkeeping xattrs are dropped, and files sharing an
/// inode become hard links to the first of them.
///
/// The output is deterministic: entries sorted bytewise by path (parents first; an opaque
/// marker right after its directory), empty user and group names, numeric ids kept,
/// modification times in whole seconds with no atime/ctime, or one fixed time
/// (`DiffOptions.fixedModificationTime`). Symlinks are never followed and other file
/// systems mounted below the upperdir are not entered.
///
/// ```swift
/// var writer = TarWriter(FileDescriptorByteSink(fileDescriptor: fd))
/// let report = try LayerDiff.write(upperDirectory: "/var/lib/berth/containers/c1/upper", to: &writer)
/// ```
public enum LayerDiff {
    /// Writes the layer for `upperDirectory` to `writer` and finishes the archive.
    @discardableResult
    public static func write<Sink: ByteSink>(
        upperDirectory: String, to writer: inout TarWriter<Sink>, options: DiffOptions = DiffOptions()
    ) throws(LayerDiffError) -> LayerDiffReport {
        let root: Int32
        switch retrying({ open(upperDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }) {
        case .success(let fd): root = fd
        case .failure(let error): throw .rootUnavailable(path: upperDirectory, errno: error.code)
        }
        defer { close(root) }
        var rootInfo = stat()
        guard fstat(root, &rootInfo) == 0 else { throw .rootUnavailable(path: upperDirectory, errno: errno) }
        var walk = Walk(rootPath: upperDirectory, rootDevice: rootInfo.st_dev, options: options)
        try walk.collect(root, relative: "")
        let sorted = walk.nodes
            .map { (key: Array($0.archivePath.utf8), node: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.node)
        var report = walk.report
        var firstPaths: [InodeKey: String] = [:]
        for node in sorted {
            guard var entry = node.entry(options) else { continue }
            if node.fileType != S_IFDIR, !node.isWhiteout, node.info.st_nlink > 1 {
                let key = InodeKey(device: node.info.st_dev, inode: node.info.st_ino)
                if let first = firstPaths[key] {
                    entry.type = .hardLink
                    entry.linkName = first
                    entry.size = 0
                } else {
                    firstPaths[key] = node.path
                }
            }
            if entry.type == .regular, entry.size > 0 {
                try appendFile(entry, node: node, root: root, rootPath: upperDirectory, to: &writer)
            } else {
                try append(entry, path: node.path, to: &writer)
            }
            report.entries += 1
            if node.isWhiteout { report.whiteouts += 1 }
            if node.opaque {
                try append(node.opaqueMarker(options), path: node.path, to: &writer)
                report.entries += 1
                report.opaqueDirectories += 1
            }
        }
        do { try writer.finish() } catch { throw .archive(path: upperDirectory, error) }
        return report
    }

    /// A file's identity, to spot hard links.
    struct InodeKey: Hashable {
        let device: dev_t
        let inode: ino_t
    }

    /// Appends an entry with no contents.
    static func append<Sink: ByteSink>(_ entry: TarEntry, path: String, to writer: inout TarWriter<Sink>) throws(LayerDiffError) {
        do { try writer.append(entry) } catch { throw .archive(path: path, error) }
    }

    /// Appends a regular file, streaming its contents; the file is opened beneath the root
    /// without following any symlink and must still be the inode that was walked.
    static func appendFile<Sink: ByteSink>(
        _ entry: TarEntry, node: UpperNode, root: Int32, rootPath: String, to writer: inout TarWriter<Sink>
    ) throws(LayerDiffError) {
        let shown = rootPath + "/" + node.path
        let resolve: UInt64 = 0x01 | 0x02 | 0x04 | 0x08  // RESOLVE_NO_XDEV | NO_MAGICLINKS | NO_SYMLINKS | BENEATH
        let opened = retrying {
            berth_openat2(root, node.path, UInt64(UInt32(bitPattern: O_RDONLY | O_NOFOLLOW | O_CLOEXEC)), 0, resolve)
        }
        let fd: Int32
        switch opened {
        case .success(let value): fd = value
        case .failure(let error): throw .system(path: shown, operation: "open", errno: error.code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(path: shown, operation: "fstat", errno: errno) }
        guard info.st_ino == node.info.st_ino, info.st_dev == node.info.st_dev else {
            throw .system(path: shown, operation: "open (replaced while walking)", errno: ESTALE)
        }
        var source = FileDescriptorByteSource(fileDescriptor: fd)
        do { try writer.append(entry, from: &source) } catch { throw .archive(path: shown, error) }
    }
}
