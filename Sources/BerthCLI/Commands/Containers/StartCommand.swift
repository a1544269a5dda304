import ArgumentParser

/// `berth start`: start stopped containers; with `-a` attach to one and exit
/// with its status, as docker does.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start one or more stopped containers")

    @Flag(name: [.customShort("a"), .long], help: "Attach STDOUT/STDERR and forward signals") var attach = false
    @Flag(name: [.customShort("i"), .long], help: "Attach container's STDIN") var interactive = false
    @Option(name: .customLong("detach-keys"), help: "Override the key sequence for detaching a container") var detachKeys: String?
    @Argument(help: "CONTAINER") var containers: [String]

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"start\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        if attach || interactive {
            guard containers.count == 1 else {
                throw CLIError("berth: you cannot start and attach multiple containers at once", exitCode: 1)
            }
            let info = try client.json("GET", APIClient.containerPath(containers[0]) + "/json")
            let id = info["Id"]?.stringValue ?? containers[0]
            let tty = info["Config"]?["Tty"]?.boolValue ?? false
            var session = ContainerSession(client: client, id: id, tty: tty, stdin: interactive)
            session.detachKeys = detachKeys
            session.proxySignals = true
            let status = try session.run {
                let response = try client.send("POST", APIClient.containerPath(id) + "/start")
                if response.status >= 400 {
                    let error = APIClient.daemonError(response)
                    throw CLIError(error.description, exitCode: 1)
                }
            }
            if status != 0 { throw CLIError.status(status) }
            return
        }
        try NameLoop.run(containers) { name in
            try client.call("POST", APIClient.containerPath(name) + "/start")
        }
    }
}
