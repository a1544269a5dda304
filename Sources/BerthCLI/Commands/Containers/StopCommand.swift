import ArgumentParser

/// `berth stop`: stop running containers (SIGTERM, then SIGKILL after the timeout).
struct StopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop one or more running containers")

    @OptionGroup var options: StopOptions

    func validate() throws {
        if options.containers.isEmpty { throw ValidationError("\"stop\" requires at least 1 argument.") }
    }

    func run() throws { try options.send("stop") }
}
