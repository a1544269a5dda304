import CLinuxSys
import Glibc

/// Writes one file or directory tree to a tar under a name of the caller's
/// choosing — `docker cp`'s container side: `/etc` becomes `etc/…`. The walk
/// starts from a directory descriptor (resolved by the caller, e.g. with
/// openat2 RESOLVE_IN_ROOT inside a container) and never follows a symlink:
/// links are stored as links, files are opened relative to their parent with
/// O_NOFOLLOW, and files sharing an inode become hard links.
///
/// ```swift
/// try TreeArchiver.write(name: "etc", in: rootFD, as: "etc", to: &writer)
/// try writer.finish()
/// ```
public enum TreeArchiver {
    /// Appends `name` inside `directory` (an `O_PATH` descriptor is fine; an empty
    /// `name` means `directory` itself) and, for a directory, everything below it,
    /// named `archiveName` and `archiveName/…` in the tar. Does not finish the archive.
    public static func write<Sink: ByteSink>(
        name: String, in directory: Int32, as archiveName: String, to writer: inout TarWriter<Sink>
    ) throws(LayerDiffError) {
        var walk = Walk()
        try walk.add(name: name, in: directory, archiveName: archiveName, to: &writer)
    }

    /// The hard links seen so far during one walk.
    struct Walk {
        var firstPaths: [LayerDiff.InodeKey: String] = [:]

        mutating func add<Sink: ByteSink>(
            name: String, in directory: Int32, archiveName: String, to writer: inout TarWriter<Sink>
        ) throws(LayerDiffError) {
            var info = stat()
            let flags = name.isEmpty ? Linux.emptyPath : AT_SYMLINK_NOFOLLOW
            guard fstatat(directory, name, &info, flags) == 0 else {
                throw .system(path: archiveName, operation: "fstatat", errno: errno)
            }
            let node = UpperNode(path: archiveName, info: info)
            guard var entry = node.entry(DiffOptions()) else { return }  // sockets have no tar form
            entry.xattrs = [:]
            if node.fileType == S_IFLNK { entry.linkName = try Self.linkTarget(name, in: directory, shown: archiveName) }
            if node.fileType != S_IFDIR, info.st_nlink > 1 {
                let key = LayerDiff.InodeKey(device: info.st_dev, inode: info.st_ino)
                if let first = firstPaths[key] {
                    entry.type = .hardLink
                    entry.linkName = first
                    entry.size = 0
                } else {
                    firstPaths[key] = archiveName
                }
            }
            switch entry.type {
            case .regular where entry.size > 0:
                try Self.appendContents(entry, name: name, in: directory, info: info, shown: archiveName, to: &writer)
            case .directory:
                do { try writer.append(entry) } catch { throw .archive(path: archiveName, error) }
                let child: Int32
                switch retrying({ openat(directory, name.isEmpty ? "." : name, Linux.pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }) {
                case .success(let fd): child = fd
                case .failure(let error): throw .system(path: archiveName, operation: "open directory", errno: error.code)
                }
                defer { close(child) }
                let names: [[UInt8]]
                switch DirectoryListing.names(in: child) {
                case .success(let listed): names = listed
                case .failure(let error): throw .system(path: archiveName, operation: "readdir", errno: error.code)
                }
                for raw in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    guard let childName = String(validating: raw, as: UTF8.self) else {
                        throw .unrepresentableName(path: archiveName + "/" + String(decoding: raw, as: UTF8.self))
                    }
                    let prefix = archiveName.hasSuffix("/") ? archiveName : archiveName + "/"
                    try add(name: childName, in: child, archiveName: prefix + childName, to: &writer)
                }
            default:
                do { try writer.append(entry) } catch { throw .archive(path: archiveName, error) }
            }
        }

        /// A symlink's target.
        static func linkTarget(_ name: String, in directory: Int32, shown: String) throws(LayerDiffError) -> String {
            var buffer = [UInt8](repeating: 0, count: 4097)
            let count = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return readlinkat(directory, name, base.assumingMemoryBound(to: CChar.self), bytes.count)
            }
            guard count >= 0 else { throw .system(path: shown, operation: "readlinkat", errno: errno) }
            return String(decoding: buffer[0..<count], as: UTF8.self)
        }

        /// Streams a regular file's bytes, opened without following links and
        /// checked to be the inode that was stat'ed.
        static func appendContents<Sink: ByteSink>(
            _ entry: TarEntry, name: String, in directory: Int32, info: stat, shown: String, to writer: inout TarWriter<Sink>
        ) throws(LayerDiffError) {
            let opened = name.isEmpty
                ? retrying { open("/proc/self/fd/\(directory)", O_RDONLY | O_CLOEXEC) }
                : retrying { openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
            let fd: Int32
            switch opened {
            case .success(let value): fd = value
            case .failure(let error): throw .system(path: shown, operation: "open", errno: error.code)
            }
            defer { close(fd) }
            var current = stat()
            guard fstat(fd, &current) == 0, current.st_ino == info.st_ino, current.st_dev == info.st_dev else {
                throw .system(path: shown, operation: "open (replaced while walking)", errno: ESTALE)
            }
            var source = FileDescriptorByteSource(fileDescriptor: fd)
            do { try writer.append(entry, from: &source) } catch { throw .archive(path: shown, error) }
        }
    }
}
