/// `POST /containers/create`'s answer.
public struct ContainerCreateResponse: Codable, Sendable {
    public var Id: String
    public var Warnings: [String]
    /// The new container's ID, with no warnings.
    public init(id: String) {
        Id = id
        Warnings = []
    }
}
