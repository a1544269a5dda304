import ArgumentParser

/// `berth restart`: stop then start containers.
struct RestartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart one or more containers")

    @OptionGroup var options: StopOptions

    func validate() throws {
        if options.containers.isEmpty { throw ValidationError("\"restart\" requires at least 1 argument.") }
    }

    func run() throws { try options.send("restart") }
}
