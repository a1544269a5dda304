import ArgumentParser

/// `berth create`: create a container without starting it; prints its ID.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a new container", helpNames: [.customLong("help")])

    @OptionGroup var options: ContainerCreateOptions
    @Argument(help: "IMAGE") var image: String
    @Argument(parsing: .captureForPassthrough, help: "[COMMAND] [ARG...]") var command: [String] = []

    func run() throws {
        let client = APIClient()
        let attach = CreateBody.Attach(stdin: options.interactive, stdout: true, stderr: true)
        let body = try CLIError.withHelpHint("create") { () throws(CLIError) in try CreateBody.make(options, image: image, command: command, attach: attach,
                                       consoleSize: options.tty ? RawTerminal.size() : (0, 0)) }
        let id = try ContainerCreator(client: client, commandName: "create")
            .create(body: body, name: options.name, image: image, pull: options.pull)
        Output.line(id)
    }
}
