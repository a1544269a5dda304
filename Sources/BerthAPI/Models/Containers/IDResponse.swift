/// `{"Id":"…"}`: what `POST /commit` answers with the new image's ID.
public struct IDResponse: Codable, Sendable, Equatable {
    public var Id: String

    /// An answer naming `id`.
    public init(id: String) { Id = id }
}
