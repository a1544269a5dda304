/// `GET /info`'s `Swarm`: always inactive, which stops the CLI printing node details.
public struct SwarmInfo: Codable, Sendable, Equatable {
    /// Empty: not a swarm node.
    public var nodeID = ""
    /// Empty: not a swarm node.
    public var nodeAddr = ""
    /// `inactive`.
    public var localNodeState = "inactive"
    /// False: not a manager.
    public var controlAvailable = false
    /// Empty: no error.
    public var error = ""

    enum CodingKeys: String, CodingKey {
        case nodeID = "NodeID", nodeAddr = "NodeAddr", localNodeState = "LocalNodeState"
        case controlAvailable = "ControlAvailable", error = "Error"
    }

    /// The inactive state.
    public init() {}
}
