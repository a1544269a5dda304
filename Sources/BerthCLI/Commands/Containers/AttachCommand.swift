import ArgumentParser

/// `berth attach`: join a running container's stdio (and its terminal), as
/// `docker attach` does; ctrl-p ctrl-q (or `--detach-keys`) leaves it running.
struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Attach local standard input, output, and error streams to a running container")

    @Option(name: .customLong("detach-keys"), help: "Override the key sequence for detaching a container") var detachKeys: String?
    @Flag(name: .customLong("no-stdin"), help: "Do not attach STDIN") var noStdin = false
    @Option(name: .customLong("sig-proxy"), help: "Proxy all received signals to the process") var sigProxy = true
    @Argument(help: "CONTAINER") var container: String

    func run() throws {
        let client = APIClient()
        let info = try client.json("GET", APIClient.containerPath(container) + "/json")
        let state = info["State"]
        if state?["Paused"]?.boolValue == true {
            throw CLIError("You cannot attach to a paused container, unpause it first", exitCode: 1)
        }
        guard state?["Running"]?.boolValue == true else {
            throw CLIError("You cannot attach to a stopped container, start it first", exitCode: 1)
        }
        let id = info["Id"]?.stringValue ?? container
        let tty = info["Config"]?["Tty"]?.boolValue ?? false
        let openStdin = info["Config"]?["OpenStdin"]?.boolValue ?? false
        var session = ContainerSession(client: client, id: id, tty: tty, stdin: openStdin && !noStdin)
        session.detachKeys = detachKeys
        session.proxySignals = sigProxy
        // Already running: nothing to start; the session waits for the next exit.
        let status = try session.run {}
        if status != 0 { throw CLIError.status(status) }
    }
}
