/// `POST /containers/prune`'s answer (`docker container prune`): the IDs
/// removed and the bytes their writable layers held.
public struct ContainerPruneResponse: Codable, Sendable, Equatable {
    public var ContainersDeleted: [String]?
    public var SpaceReclaimed: Int64

    /// What a prune removed; an empty list encodes as null, as dockerd's does.
    public init(containersDeleted: [String], spaceReclaimed: Int64) {
        ContainersDeleted = containersDeleted.isEmpty ? nil : containersDeleted
        SpaceReclaimed = spaceReclaimed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ContainersDeleted, forKey: .ContainersDeleted)
        try container.encode(SpaceReclaimed, forKey: .SpaceReclaimed)
    }
}
