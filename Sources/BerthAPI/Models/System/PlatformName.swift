/// The `Platform` object of `GET /version`: `{"Name":"…"}`.
public struct PlatformName: Codable, Sendable, Equatable {
    /// The platform's product name; empty for Berth.
    public var name: String

    enum CodingKeys: String, CodingKey { case name = "Name" }

    /// A platform with the given name.
    public init(name: String) { self.name = name }
}
