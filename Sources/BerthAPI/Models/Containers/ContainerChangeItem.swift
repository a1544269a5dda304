/// One line of `GET /containers/{id}/changes` (`docker diff`): a path and
/// what happened to it — Kind 0 modified, 1 added, 2 deleted.
public struct ContainerChangeItem: Codable, Sendable, Equatable {
    public var Path: String
    public var Kind: Int

    /// A change of `kind` (0 C, 1 A, 2 D) at `path`.
    public init(path: String, kind: Int) {
        Path = path
        Kind = kind
    }
}
