import ArgumentParser

/// `berth commit`: make an image from a container's changes; prints its ID.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commit", abstract: "Create a new image from a container's changes")

    @Option(name: [.customShort("a"), .long], help: "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")") var author: String?
    @Option(name: [.customShort("c"), .long], help: "Apply Dockerfile instruction to the created image") var change: [String] = []
    @Option(name: [.customShort("m"), .long], help: "Commit message") var message: String?
    @Option(name: [.customShort("p"), .long], help: "Pause container during commit (true|false)") var pause: String = "true"
    @Argument(help: "CONTAINER") var container: String
    @Argument(help: "[REPOSITORY[:TAG]]") var reference: String?

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        if let author { query.add("author", author) }
        for item in change { query.add("changes", item) }
        if let message { query.add("comment", message) }
        query.add("container", container)
        if pause == "false" || pause == "0" { query.add("pause", "0") }
        if let reference {
            let (repository, tag) = ContainerCreator.splitReference(reference)
            query.add("repo", repository)
            query.add("tag", tag)
        }
        let result = try client.json("POST", "/commit", query: query)
        Output.line(result["Id"]?.stringValue ?? "")
    }
}
