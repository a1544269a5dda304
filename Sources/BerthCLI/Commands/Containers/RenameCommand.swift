import ArgumentParser

/// `berth rename`: give a container a new name.
struct RenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a container")

    @Argument(help: "CONTAINER") var container: String
    @Argument(help: "NEW_NAME") var newName: String

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        query.add("name", newName)
        try client.call("POST", APIClient.containerPath(container) + "/rename", query: query)
    }
}
