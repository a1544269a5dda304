/// `POST /commit`'s query (`docker commit`): the container, the name to give
/// the new image, and who, why and what config changes (Dockerfile lines).
public struct CommitRequest: Sendable, Equatable {
    public var container: String
    public var repository: String?
    public var tag: String?
    public var author: String?
    public var comment: String?
    public var changes: [String]
    public var pause: Bool

    /// A commit of `container`, optionally named `repository:tag`.
    public init(
        container: String, repository: String? = nil, tag: String? = nil, author: String? = nil,
        comment: String? = nil, changes: [String] = [], pause: Bool = true
    ) {
        self.container = container
        self.repository = repository
        self.tag = tag
        self.author = author
        self.comment = comment
        self.changes = changes
        self.pause = pause
    }
}
