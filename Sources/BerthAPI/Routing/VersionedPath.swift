/// A request path split into its optional `/v<version>` prefix and the rest,
/// with dockerd's rule: the prefix is `/v` then one or more of `[0-9.]`, then a `/`.
public struct VersionedPath: Sendable, Equatable {
    /// The version text after `/v`, or nil for an unversioned path.
    public let version: String?
    /// The path without the prefix, starting with `/`.
    public let path: String

    /// Splits a decoded path, e.g. `/v1.44/containers/json` → ("1.44", "/containers/json").
    public init(_ fullPath: String) {
        guard fullPath.hasPrefix("/v") else {
            self.init(version: nil, path: fullPath)
            return
        }
        let afterV = fullPath.dropFirst(2)
        guard let slash = afterV.firstIndex(of: "/") else {
            self.init(version: nil, path: fullPath)
            return
        }
        let candidate = afterV[afterV.startIndex..<slash]
        let isVersion = !candidate.isEmpty && candidate.allSatisfy { $0 == "." || ("0"..."9").contains($0) }
        if isVersion {
            self.init(version: String(candidate), path: String(afterV[slash...]))
        } else {
            self.init(version: nil, path: fullPath)
        }
    }

    /// A path with an explicit split, for tests.
    public init(version: String?, path: String) {
        self.version = version
        self.path = path
    }
}
