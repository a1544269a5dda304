import GRDB

/// One container's row: identity, its unique name, and its configuration and
/// state as JSON documents (their shape belongs to the engine, not the store).
public struct ContainerRow: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "containers"

    public var id: String
    public var name: String
    public var image: String
    public var created: String
    /// The container's configuration (create request + resolved image config).
    public var config: String
    /// Its run state (status, pid, exit code, times).
    public var state: String

    public init(id: String, name: String, image: String, created: String, config: String, state: String) {
        self.id = id
        self.name = name
        self.image = image
        self.created = created
        self.config = config
        self.state = state
    }
}

/// One exec instance (`docker exec`), kept until its container goes.
public struct ExecRow: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "execs"

    public var id: String
    public var containerID: String
    public var config: String
    public var state: String

    public init(id: String, containerID: String, config: String, state: String) {
        self.id = id
        self.containerID = containerID
        self.config = config
        self.state = state
    }
}
