/// `POST /images/prune`'s answer (`docker image prune`): the names untagged
/// and images deleted, in order, and the bytes freed.
public struct ImagePruneResponse: Codable, Sendable, Equatable {
    public var ImagesDeleted: [ImageDeleteItem]?
    public var SpaceReclaimed: Int64

    /// What a prune removed; an empty list encodes as null, as dockerd's does.
    public init(imagesDeleted: [ImageDeleteItem], spaceReclaimed: Int64) {
        ImagesDeleted = imagesDeleted.isEmpty ? nil : imagesDeleted
        SpaceReclaimed = spaceReclaimed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ImagesDeleted, forKey: .ImagesDeleted)
        try container.encode(SpaceReclaimed, forKey: .SpaceReclaimed)
    }
}
