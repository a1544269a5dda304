import ArgumentParser

/// `berth pause`: freeze all processes of containers.
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause all processes within one or more containers")

    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"pause\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        try NameLoop.run(containers) { name in try client.call("POST", APIClient.containerPath(name) + "/pause") }
    }
}

/// `berth unpause`: thaw paused containers.
struct UnpauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpause", abstract: "Unpause all processes within one or more containers")

    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"unpause\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        try NameLoop.run(containers) { name in try client.call("POST", APIClient.containerPath(name) + "/unpause") }
    }
}
