/// The part of `POST /containers/create`'s body Berth honours so far
/// (Docker's field names). Unknown fields are ignored, as dockerd ignores them.
public struct ContainerCreateRequest: Codable, Sendable {
    public var Image: String?
    public var Cmd: [String]?
    public var Entrypoint: [String]?
    public var Env: [String]?
    public var WorkingDir: String?
    public var Hostname: String?
    public var Labels: [String: String]?
    public var Tty: Bool?
    public var HostConfig: HostConfig?
}

/// The resource part of HostConfig Berth honours so far (Docker's names).
public struct HostConfig: Codable, Sendable {
    public var Memory: Int64?
    public var MemorySwap: Int64?
    public var MemoryReservation: Int64?
    public var NanoCpus: Int64?
    public var CpuShares: Int64?
    public var CpuQuota: Int64?
    public var CpuPeriod: Int64?
    public var CpusetCpus: String?
    public var PidsLimit: Int64?
    public var ReadonlyRootfs: Bool?
}

/// `POST /containers/create`'s answer.
public struct ContainerCreateResponse: Codable, Sendable {
    public var Id: String
    public var Warnings: [String]
    public init(id: String) {
        Id = id
        Warnings = []
    }
}

/// One row of `GET /containers/json` (`docker ps`).
public struct ContainerSummary: Codable, Sendable {
    public var Id: String
    public var Names: [String]
    public var Image: String
    public var ImageID: String
    public var Command: String
    public var Created: Int64
    public var State: String
    public var Status: String
    public var Ports: [String]
    public var Labels: [String: String]
    public init(id: String, name: String, image: String, imageID: String, command: String, created: Int64,
                state: String, status: String, labels: [String: String]) {
        Id = id
        Names = ["/" + name]
        Image = image
        ImageID = imageID
        Command = command
        Created = created
        State = state
        Status = status
        Ports = []
        Labels = labels
    }
}

/// `POST /containers/{id}/wait`'s answer.
public struct ContainerWaitResponse: Codable, Sendable {
    public var StatusCode: Int
    public init(statusCode: Int) { StatusCode = statusCode }
}
