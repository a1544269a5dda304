/// One row of `GET /images/json` (`docker images`).
public struct ImageSummary: Codable, Sendable, Equatable {
    public var Id: String
    public var ParentId: String
    public var RepoTags: [String]?
    public var RepoDigests: [String]?
    public var Created: Int64
    public var Size: Int64
    public var SharedSize: Int64
    public var VirtualSize: Int64
    public var Labels: [String: String]?
    public var Containers: Int64

    public init(id: String, repoTags: [String]?, created: Int64, size: Int64, labels: [String: String]?) {
        Id = id
        ParentId = ""
        RepoTags = repoTags
        RepoDigests = nil
        Created = created
        Size = size
        SharedSize = -1
        VirtualSize = size
        Labels = labels
        Containers = -1
    }
}

/// One row of `GET /images/{name}/history`, newest first.
public struct ImageHistoryItem: Codable, Sendable, Equatable {
    public var Id: String
    public var Created: Int64
    public var CreatedBy: String
    public var Tags: [String]?
    public var Size: Int64
    public var Comment: String

    public init(id: String, created: Int64, createdBy: String, tags: [String]?, size: Int64, comment: String) {
        Id = id
        Created = created
        CreatedBy = createdBy
        Tags = tags
        Size = size
        Comment = comment
    }
}

/// One line of `DELETE /images/{name}`'s answer.
public struct ImageDeleteItem: Codable, Sendable, Equatable {
    public var Untagged: String?
    public var Deleted: String?
    public init(untagged: String? = nil, deleted: String? = nil) {
        Untagged = untagged
        Deleted = deleted
    }
}
