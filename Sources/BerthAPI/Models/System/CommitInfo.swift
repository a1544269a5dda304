/// `GET /info`'s `ContainerdCommit` / `RuncCommit` / `InitCommit`: a component's revision.
public struct CommitInfo: Codable, Sendable, Equatable {
    /// The revision in use.
    public var id: String
    /// The revision expected (same as `id` when consistent).
    public var expected: String

    enum CodingKeys: String, CodingKey { case id = "ID", expected = "Expected" }

    /// A revision that is what was expected.
    public init(id: String) {
        self.id = id
        self.expected = id
    }
}
