import Glibc

/// Why an archive could not be extracted safely; names the entry at fault.
public enum ExtractionError: Error, Equatable, CustomStringConvertible {
    /// The entry's name would place it outside the root (`..` past the top).
    case escapesRoot(entry: String, path: String)
    /// A hard link's target lies outside the root or is not a file that can be linked.
    case badHardLinkTarget(entry: String, target: String, reason: String)
    /// A system call failed while creating the entry.
    case system(entry: String, operation: String, errno: Int32)
    /// The root directory itself could not be opened.
    case rootUnavailable(path: String, errno: Int32)
    /// The archive could not be read.
    case archive(TarError)

    public var description: String {
        switch self {
        case .escapesRoot(let entry, let path): return "extract: entry \"\(entry)\" escapes the root (\(path))"
        case .badHardLinkTarget(let entry, let target, let reason):
            return "extract: hard link \"\(entry)\" -> \"\(target)\": \(reason)"
        case .system(let entry, let operation, let code):
            return "extract: \(operation) for entry \"\(entry)\" failed: \(String(cString: strerror(code)))"
        case .rootUnavailable(let path, let code): return "extract: cannot open root \(path): \(String(cString: strerror(code)))"
        case .archive(let error): return error.description
        }
    }
}

/// Something the extractor chose to skip or adjust instead of failing.
public struct ExtractionWarning: Hashable, Sendable, CustomStringConvertible {
    /// The entry's name as stored in the archive.
    public let entry: String
    public let message: String

    public var description: String { "\(entry): \(message)" }
}

/// What an extraction did: how many entries it created and what it skipped or changed.
public struct ExtractionReport: Sendable {
    public internal(set) var extracted = 0
    public internal(set) var warnings: [ExtractionWarning] = []
}

/// How the extractor treats entries it cannot place safely.
public enum UnsafeEntryPolicy: Sendable {
    /// Stop with an ExtractionError (the default).
    case reject
    /// Skip the entry, record a warning, and carry on.
    case skip
}

/// Knobs for SafeExtractor.
public struct ExtractionOptions: Sendable {
    /// Apply the archive's uid/gid (lchown); defaults to true only when running as root.
    public var preservesOwnership: Bool
    /// Apply extended attributes; unsupported ones become warnings.
    public var appliesXattrs: Bool
    /// What to do with `..` escapes and out-of-root hard links.
    public var unsafeEntries: UnsafeEntryPolicy
    /// What `.wh.` whiteout entries become; `.preserve` (plain files) unless unpacking a layer.
    public var whiteouts: WhiteoutMode

    /// Options with the usual defaults.
    public init(
        preservesOwnership: Bool = geteuid() == 0, appliesXattrs: Bool = true, unsafeEntries: UnsafeEntryPolicy = .reject,
        whiteouts: WhiteoutMode = .preserve
    ) {
        self.preservesOwnership = preservesOwnership
        self.appliesXattrs = appliesXattrs
        self.unsafeEntries = unsafeEntries
        self.whiteouts = whiteouts
    }
}
