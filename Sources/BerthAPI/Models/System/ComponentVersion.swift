/// One entry of `GET /version`'s `Components`: a part of the engine and its version details.
public struct ComponentVersion: Codable, Sendable, Equatable {
    /// The component, e.g. `Engine`.
    public var name: String
    /// Its version.
    public var version: String
    /// Free-form details (ApiVersion, GitCommit, …) as strings.
    public var details: [String: String]

    enum CodingKeys: String, CodingKey { case name = "Name", version = "Version", details = "Details" }

    /// A component entry.
    public init(name: String, version: String, details: [String: String]) {
        self.name = name
        self.version = version
        self.details = details
    }
}
