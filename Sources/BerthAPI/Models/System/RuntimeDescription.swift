/// One entry of `GET /info`'s `Runtimes` map: where an OCI runtime binary lives.
public struct RuntimeDescription: Codable, Sendable, Equatable {
    /// The runtime executable's path.
    public var path: String

    enum CodingKeys: String, CodingKey { case path }

    /// A runtime at `path`.
    public init(path: String) { self.path = path }
}
