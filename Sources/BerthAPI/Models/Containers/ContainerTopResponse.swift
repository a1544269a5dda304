/// `GET /containers/{id}/top`'s answer (`docker top`): `ps` columns and one row
/// per process of the container, as dockerd sends them.
public struct ContainerTopResponse: Codable, Sendable, Equatable {
    public var Titles: [String]
    public var Processes: [[String]]

    /// A table with `titles` for its header.
    public init(titles: [String], processes: [[String]]) {
        Titles = titles
        Processes = processes
    }
}
