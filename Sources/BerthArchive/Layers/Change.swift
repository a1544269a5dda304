/// One difference between two directory trees, as `docker diff` prints it (`A /etc/new`).
public struct Change: Hashable, Sendable, CustomStringConvertible {
    /// What happened to the path.
    public enum Kind: Hashable, Sendable {
        /// Only in the new tree.
        case added
        /// In both, with different type, permissions, owner, device, size, mtime or link target
        /// (for directories: attributes only, or something inside changed).
        case modified
        /// Only in the old tree (its contents are not listed separately).
        case deleted
    }

    /// Absolute-style path inside the tree (`/etc/hosts`).
    public let path: String
    /// Whether the path was added, changed or deleted.
    public let kind: Kind

    /// A change of `kind` at `path`.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `docker diff`'s line: "A /path", "C /path" or "D /path".
    public var description: String {
        switch kind {
        case .added: return "A \(path)"
        case .modified: return "C \(path)"
        case .deleted: return "D \(path)"
        }
    }
}
