import ArgumentParser

/// `berth kill`: send a signal (default KILL) to running containers.
struct KillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kill", abstract: "Kill one or more running containers")

    @Option(name: [.customShort("s"), .long], help: "Signal to send to the container") var signal: String?
    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"kill\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        if let signal { query.add("signal", signal) }
        try NameLoop.run(containers) { name in
            try client.call("POST", APIClient.containerPath(name) + "/kill", query: query)
        }
    }
}
