import ArgumentParser

/// `berth wait`: block until containers stop, then print their exit codes.
struct WaitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wait", abstract: "Block until one or more containers stop, then print their exit codes")

    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"wait\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        try NameLoop.run(containers, quiet: true) { name in
            let result = try client.json("POST", APIClient.containerPath(name) + "/wait")
            if let message = result["Error"]?["Message"]?.stringValue, !message.isEmpty { throw CLIError(message) }
            Output.line(String(result["StatusCode"]?.int64Value ?? 0))
        }
    }
}
