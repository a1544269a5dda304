import ArgumentParser
import Glibc
import OCI

/// `berth stats`: resource usage of containers, once (`--no-stream`) or
/// refreshed every second until interrupted.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Display a live stream of container(s) resource usage statistics")

    @Flag(name: [.customShort("a"), .long], help: "Show all containers (default shows just running)") var all = false
    @Flag(name: .customLong("no-stream"), help: "Disable streaming stats and only pull the first result") var noStream = false
    @Flag(name: .customLong("no-trunc"), help: "Do not truncate output") var noTrunc = false
    @Option(name: .long, help: "Format output using a custom template") var format: String = ""
    @Argument(help: "CONTAINER") var containers: [String] = []

    func run() throws {
        let client = APIClient()
        let formatter = ListFormatter(defaultTable: StatsRow.defaultTable, headers: StatsRow.headers)
        while true {
            var names = containers
            if names.isEmpty {
                var query = QueryString()
                query.add("all", "1", if: all)
                let list = try client.json("GET", "/containers/json", query: query)
                names = (list.arrayValue ?? []).compactMap { $0["Id"]?.stringValue.map { String($0.prefix(12)) } }
            }
            var rows: [JSONValue] = []
            var errors: [String] = []
            for name in names {
                var query = QueryString()
                query.add("stream", "0")
                let response = try client.send("GET", APIClient.containerPath(name) + "/stats", query: query)
                if response.status >= 400 {
                    errors.append(APIClient.daemonError(response).description)
                    continue
                }
                rows.append(StatsRow.make(try APIClient.decode(response.body), container: name))
            }
            if !errors.isEmpty, rows.isEmpty, !containers.isEmpty { throw CLIError(errors.joined(separator: "\n")) }
            let text = try formatter.render(format: format, rows: rows)
            if noStream {
                Output.out(text)
                return
            }
            Output.out("\u{1B}[2J\u{1B}[H" + text)
            sleep(1)
        }
    }
}
