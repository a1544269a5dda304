import ArgumentParser
import BerthClient
import LinuxSys

/// `berth logs`: a container's output, demultiplexed to stdout and stderr
/// (raw for TTY containers), followed live with `-f`.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Fetch the logs of a container")

    @Flag(name: [.customShort("f"), .long], help: "Follow log output") var follow = false
    @Option(name: [.customShort("n"), .long], help: "Number of lines to show from the end of the logs") var tail: String = "all"
    @Flag(name: [.customShort("t"), .long], help: "Show timestamps") var timestamps = false
    @Flag(name: .long, help: "Show extra details provided to logs") var details = false
    @Option(name: .long, help: "Show logs since timestamp or relative (e.g. 42m for 42 minutes)") var since: String?
    @Option(name: .long, help: "Show logs before a timestamp or relative (e.g. 42m for 42 minutes)") var until: String?
    @Argument(help: "CONTAINER") var container: String

    func run() throws {
        let client = APIClient()
        let info = try client.json("GET", APIClient.containerPath(container) + "/json")
        let id = info["Id"]?.stringValue ?? container
        let tty = info["Config"]?["Tty"]?.boolValue ?? false
        var query = QueryString()
        query.add("details", "1", if: details)
        query.add("follow", "1", if: follow)
        if let since { query.add("since", TimeFormat.apiTimestamp(since)) }
        query.add("stderr", "1")
        query.add("stdout", "1")
        query.add("tail", tail)
        query.add("timestamps", "1", if: timestamps)
        if let until { query.add("until", TimeFormat.apiTimestamp(until)) }
        let connection = try client.connection()
        let head = try connection.start("GET", client.prefix + APIClient.containerPath(id) + "/logs" + query.encoded)
        if head.status >= 400 {
            var response = head
            response.body = try connection.readRemainingBody()
            throw APIClient.daemonError(response)
        }
        var demux = FrameDemultiplexer()
        while let part = try connection.readBodyPart() {
            if tty {
                Output.bytes(part)
                continue
            }
            for (stream, payload) in demux.feed(part) {
                let target: FileDescriptor = stream == .stderr ? .standardError : .standardOutput
                try? target.writeAll(payload)
            }
        }
    }
}
