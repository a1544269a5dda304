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
