/// The whiteout naming convention shared by Docker and OCI layer tars (AUFS style):
/// what a base name means, and the names to write when producing a layer.
public enum Whiteout: Equatable, Sendable {
    /// `.wh.NAME`: NAME is deleted from the layers below.
    case remove(name: String)
    /// `.wh..wh..opq`: the directory hides everything below it in lower layers.
    case opaque
    /// Another `.wh..wh.` name (AUFS bookkeeping such as `.wh..wh.plnk`); carries no change.
    case metadata(name: String)
    /// A `.wh.` name with nothing usable after it (`.wh.`, `.wh..`, `.wh...`).
    case invalid

    /// The prefix that marks a whiteout file.
    public static let prefix = ".wh."
    /// The base name that marks an opaque directory.
    public static let opaqueMarker = ".wh..wh..opq"
    /// The prefix of AUFS metadata names, which are never deletions.
    static let metadataPrefix = ".wh..wh."

    /// What a path's last component means, or nil when it is an ordinary name.
    public init?(baseName: String) {
        guard baseName.hasPrefix(Self.prefix) else { return nil }
        if baseName == Self.opaqueMarker {
            self = .opaque
        } else if baseName.hasPrefix(Self.metadataPrefix) {
            self = .metadata(name: baseName)
        } else {
            let target = String(baseName.dropFirst(Self.prefix.count))
            self = target.isEmpty || target == "." || target == ".." ? .invalid : .remove(name: target)
        }
    }

    /// The whiteout base name that deletes `name` (`name` → `.wh.name`).
    public static func fileName(deleting name: String) -> String { prefix + name }
}
