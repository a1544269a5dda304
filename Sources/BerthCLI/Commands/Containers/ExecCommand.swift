import Glibc
import ArgumentParser
import LinuxSys
import OCI

/// `berth exec`: run a command in a running container; the exit status is the command's.
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exec", abstract: "Execute a command in a running container")

    @Flag(name: [.customShort("d"), .long], help: "Detached mode: run command in the background") var detach = false
    @Flag(name: [.customShort("i"), .long], help: "Keep STDIN open even if not attached") var interactive = false
    @Flag(name: [.customShort("t"), .long], help: "Allocate a pseudo-TTY") var tty = false
    @Option(name: [.customShort("e"), .long], help: "Set environment variables") var env: [String] = []
    @Option(name: [.customShort("u"), .long], help: "Username or UID") var user: String?
    @Option(name: [.customShort("w"), .long], help: "Working directory inside the container") var workdir: String?
    @Flag(name: .long, help: "Give extended privileges to the command") var privileged = false
    @Option(name: .customLong("detach-keys"), help: "Override the key sequence for detaching a container") var detachKeys: String?
    @Argument(help: "CONTAINER") var container: String
    @Argument(parsing: .captureForPassthrough, help: "COMMAND [ARG...]") var command: [String] = []

    func validate() throws {
        if command.isEmpty { throw ValidationError("\"exec\" requires at least 2 arguments.") }
    }

    func run() throws {
        let client = APIClient()
        try client.call("GET", APIClient.containerPath(container) + "/json")
        let body = JSONValue.object([
            ("User", .string(user ?? "")),
            ("Privileged", .bool(privileged)),
            ("Tty", .bool(tty)),
            ("AttachStdin", .bool(interactive && !detach)),
            ("AttachStderr", .bool(!detach)),
            ("AttachStdout", .bool(!detach)),
            ("Detach", .bool(detach)),
            ("DetachKeys", .string(detachKeys ?? "")),
            ("Env", env.isEmpty ? .null : .array(env.map { .string($0) })),
            ("WorkingDir", .string(workdir ?? "")),
            ("Cmd", .array(command.map { .string($0) })),
        ])
        let created = try client.json("POST", APIClient.containerPath(container) + "/exec", body: body)
        guard let id = created["Id"]?.stringValue else { throw CLIError("Error response from daemon: no exec ID") }
        let startBody = JSONValue.object([("Detach", .bool(detach)), ("Tty", .bool(tty))])
        if detach {
            try client.call("POST", "/exec/\(id)/start", body: startBody)
            return
        }
        let connection = try client.newConnection()
        let response = try connection.hijack("POST", client.prefix + "/exec/\(id)/start",
                                             body: Array((GoJSON.compact(startBody) + "\n").utf8))
        guard response.status == 101 else { throw APIClient.daemonError(response) }
        let terminal = tty && interactive ? RawTerminal() : nil
        var pump = StreamPump(connection: connection, tty: tty, sendStdin: interactive)
        if tty {
            ContainerSession.resize(client: client, path: "/exec/\(id)/resize")
            pump.signals = [SIGWINCH]
            pump.onSignal = { _ in ContainerSession.resize(client: client, path: "/exec/\(id)/resize") }
            if interactive, let keys = DetachKeys.parse(detachKeys) { pump.detachSequence = keys }
        }
        let detached = pump.run()
        terminal?.restore()
        if detached { return }
        let inspect = try client.json("GET", "/exec/\(id)/json")
        let code = Int32(truncatingIfNeeded: inspect["ExitCode"]?.int64Value ?? 0)
        if code != 0 { throw CLIError.status(code) }
    }
}
