import Glibc

/// Why an upperdir could not be turned into a layer tar (LayerDiff) or two trees compared
/// (ChangeSet); names the file at fault.
public enum LayerDiffError: Error, Equatable, CustomStringConvertible {
    /// The upper directory itself could not be opened.
    case rootUnavailable(path: String, errno: Int32)
    /// A system call failed on a file in the upper directory.
    case system(path: String, operation: String, errno: Int32)
    /// A file name is not valid UTF-8, which a TarEntry name cannot carry (shown with U+FFFD).
    case unrepresentableName(path: String)
    /// Writing the entry for `path` to the tar failed (I/O, or the file changed while read).
    case archive(path: String, TarError)

    public var description: String {
        switch self {
        case .rootUnavailable(let path, let code): return "diff: cannot open upper directory \(path): \(String(cString: strerror(code)))"
        case .system(let path, let operation, let code):
            return "diff: \(operation) on \(path) failed: \(String(cString: strerror(code)))"
        case .unrepresentableName(let path): return "diff: file name is not UTF-8: \(path)"
        case .archive(let path, let error): return "diff: writing \(path): \(error)"
        }
    }
}
