/// One `GET /events` message, in dockerd's shape (the legacy `status`/`id`/
/// `from` fields alongside Type/Action/Actor, so old and new clients read it).
public struct EngineEvent: Codable, Sendable, Equatable {
    /// Who the event is about.
    public struct Actor: Codable, Sendable, Equatable {
        public var ID: String
        public var Attributes: [String: String]
        /// An actor with attributes (image, name, labels, exitCode…).
        public init(id: String, attributes: [String: String]) {
            ID = id
            Attributes = attributes
        }
    }

    public var status: String?
    public var id: String?
    public var from: String?
    public var `Type`: String
    public var Action: String
    public var Actor: Actor
    public var scope: String
    public var time: Int64
    public var timeNano: Int64

    /// An event of `type` ("container", "image"…) that happened at `timeNano`.
    public init(type: String, action: String, actor: Actor, timeNano: Int64) {
        self.Type = type
        Action = action
        self.Actor = actor
        scope = "local"
        self.timeNano = timeNano
        time = timeNano / 1_000_000_000
        if type == "container" || type == "image" {
            status = action
            id = actor.ID
            from = type == "container" ? actor.Attributes["image"] : nil
        }
    }
}
