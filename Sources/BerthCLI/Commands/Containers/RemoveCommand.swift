import ArgumentParser

/// `berth rm`: remove containers; `-f` kills running ones and ignores missing ones.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove one or more containers")

    @Flag(name: [.customShort("f"), .long], help: "Force the removal of a running container (uses SIGKILL)") var force = false
    @Flag(name: [.customShort("v"), .long], help: "Remove anonymous volumes associated with the container") var volumes = false
    @Flag(name: [.customShort("l"), .long], help: "Remove the specified link") var link = false
    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"rm\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        query.add("force", "1", if: force)
        query.add("v", "1", if: volumes)
        query.add("link", "1", if: link)
        try NameLoop.run(containers, ignoreMissing: force) { name in
            try client.call("DELETE", APIClient.containerPath(name), query: query)
        }
    }
}
