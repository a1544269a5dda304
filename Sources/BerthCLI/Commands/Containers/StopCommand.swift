import ArgumentParser

/// `berth stop`: stop running containers (SIGTERM, then SIGKILL after the timeout).
struct StopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop one or more running containers")

    @Option(name: [.customShort("t"), .customLong("timeout"), .customLong("time")], help: "Seconds to wait before killing the container") var timeout: Int?
    @Option(name: [.customShort("s"), .long], help: "Signal to send to the container") var signal: String?
    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"stop\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        if let signal { query.add("signal", signal) }
        if let timeout { query.add("t", String(timeout)) }
        try NameLoop.run(containers) { name in
            try client.call("POST", APIClient.containerPath(name) + "/stop", query: query)
        }
    }
}
