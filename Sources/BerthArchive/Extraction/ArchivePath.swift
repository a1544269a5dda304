/// An archive member name reduced to clean components relative to the extraction root:
/// leading `/` removed, `.` and empty components dropped, `..` applied lexically.
struct ArchivePath: Equatable {
    /// Components below the root; empty means the root itself.
    let components: [String]
    /// The name started with `/`.
    let wasAbsolute: Bool
    /// A `..` climbed above the root.
    let escapes: Bool

    /// Cleans `name`.
    init(_ name: String) {
        var parts: [String] = []
        var escapes = false
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { escapes = true } else { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        components = parts
        wasAbsolute = name.hasPrefix("/")
        self.escapes = escapes
    }

    /// The components joined with `/`, or "." for the root.
    var relative: String { components.isEmpty ? "." : components.joined(separator: "/") }
}
