import Glibc

/// Extracts a tar archive into a root directory so that nothing lands outside it:
/// names are cleaned (`/` stripped, `..` past the top refused), every parent is
/// resolved by the kernel with openat2(RESOLVE_IN_ROOT) so symlinks — planted by the
/// archive or already in the tree — are followed only as if the root were `/`, and
/// each file is created relative to its parent's descriptor with O_NOFOLLOW/O_EXCL.
public struct SafeExtractor: Sendable {
    /// The directory everything is extracted beneath; it must exist.
    public let rootPath: String
    public var options: ExtractionOptions

    /// An extractor into `rootPath`.
    public init(rootPath: String, options: ExtractionOptions = ExtractionOptions()) {
        self.rootPath = rootPath
        self.options = options
    }

    /// Extracts every remaining entry of `reader`; returns what was done and skipped.
    public func extract<Source: ByteSource>(_ reader: inout TarReader<Source>) throws(ExtractionError) -> ExtractionReport {
        let root: Int32
        switch retrying({ open(rootPath, Linux.pathOnly | O_DIRECTORY | O_CLOEXEC) }) {
        case .success(let fd): root = fd
        case .failure(let error): throw .rootUnavailable(path: rootPath, errno: error.code)
        }
        defer { close(root) }
        var session = ExtractionSession(root: root, options: options)
        while true {
            let next: TarEntry?
            do { next = try reader.next() } catch { throw .archive(error) }
            guard let entry = next else { break }
            try session.extract(entry, from: &reader)
        }
        try session.finishDirectories()
        return session.report
    }

    /// Extracts a whole archive read from `source`.
    public func extract<Source: ByteSource>(from source: Source) throws(ExtractionError) -> ExtractionReport {
        var reader = TarReader(source)
        return try extract(&reader)
    }
}
