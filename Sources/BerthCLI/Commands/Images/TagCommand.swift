import ArgumentParser

/// `berth tag`: give an image another name.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")

    @Argument(help: "SOURCE_IMAGE[:TAG]") var source: String
    @Argument(help: "TARGET_IMAGE[:TAG]") var target: String

    func run() throws {
        let client = APIClient()
        let (repository, tag) = ContainerCreator.splitReference(target)
        var query = QueryString()
        query.add("repo", repository)
        query.add("tag", tag)
        try client.call("POST", "/images/" + QueryString.escapePath(source) + "/tag", query: query)
    }
}
