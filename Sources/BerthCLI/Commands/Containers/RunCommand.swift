import ArgumentParser
import Glibc

/// `berth run`: create a container, then start it detached (`-d`, prints the
/// ID) or attached (output copied here, exit status = the container's).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Create and run a new container from an image", helpNames: [.customLong("help")])

    @Flag(name: [.customShort("d"), .long], help: "Run container in background and print container ID") var detach = false
    @OptionGroup var options: ContainerCreateOptions
    @Argument(help: "IMAGE") var image: String
    @Argument(parsing: .captureForPassthrough, help: "[COMMAND] [ARG...]") var command: [String] = []

    func run() throws {
        let client = APIClient()
        let attachStdio = !detach
        let attach = CreateBody.Attach(stdin: attachStdio && options.interactive, stdout: attachStdio, stderr: attachStdio)
        let body = try CLIError.withHelpHint("run") { () throws(CLIError) in try CreateBody.make(
            options, image: image, command: command, attach: attach,
            consoleSize: options.tty ? RawTerminal.size() : (0, 0)) }
        let creator = ContainerCreator(client: client, commandName: "run")
        let id = try creator.create(body: body, name: options.name, image: image, pull: options.pull)
        let path = APIClient.containerPath(id)
        let start = {
            let response = try client.send("POST", path + "/start")
            if response.status >= 400 {
                let error = APIClient.daemonError(response)
                throw creator.failure(error.description, exitCode: ContainerSession.startFailureCode(error.message))
            }
        }
        if detach {
            Output.line(id)
            try start()
            return
        }
        var session = ContainerSession(client: client, id: id, tty: options.tty, stdin: options.interactive)
        session.detachKeys = options.detachKeys
        session.proxySignals = options.proxiesSignals
        session.waitCondition = options.rm ? "removed" : "next-exit"
        let status = try session.run(start: start)
        if status != 0 { throw CLIError.status(status) }
    }
}
