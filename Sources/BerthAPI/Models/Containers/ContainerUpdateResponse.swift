/// `POST /containers/{id}/update`'s answer: `{"Warnings":null}` when there is
/// nothing to warn about, as dockerd writes it (the key is always present).
public struct ContainerUpdateResponse: Codable, Sendable, Equatable {
    public var Warnings: [String]?

    /// An answer carrying `warnings` (nil encodes as JSON null).
    public init(warnings: [String]?) { Warnings = warnings }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Warnings, forKey: .Warnings)
    }
}
