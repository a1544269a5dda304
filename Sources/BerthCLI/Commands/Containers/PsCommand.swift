import ArgumentParser

/// `berth ps`: list containers as docker does (table, `-q`, `--format`).
struct PsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ps", abstract: "List containers", aliases: ["ls", "list"])

    @Flag(name: [.customShort("a"), .long], help: "Show all containers (default shows just running)") var all = false
    @Flag(name: [.customShort("q"), .long], help: "Only display container IDs") var quiet = false
    @Option(name: [.customShort("n"), .customLong("last")], help: "Show n last created containers (includes all states)") var last: Int = -1
    @Flag(name: [.customShort("l"), .long], help: "Show the latest created container (includes all states)") var latest = false
    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output") var noTrunc = false
    @Flag(name: [.customShort("s"), .long], help: "Display total file sizes") var size = false
    @Option(name: [.customShort("f"), .long], help: "Filter output based on conditions provided") var filter: [String] = []
    @Option(name: .long, help: "Format output using a custom template") var format: String = ""

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        let limit = latest ? 1 : last
        query.add("all", "1", if: all || limit > 0)
        query.add("limit", String(limit), if: limit > 0)
        query.add("size", "1", if: size || format.contains(".Size"))
        try query.addFilters(filter)
        let list = try client.json("GET", "/containers/json", query: query)
        let now = TimeFormat.now()
        let rows = (list.arrayValue ?? []).map { ContainerRow.make($0, truncate: !noTrunc, now: now) }
        var effective = format
        if quiet && format.isEmpty { effective = "{{.ID}}" }
        if effective.isEmpty && size { effective = ContainerRow.defaultTable + "\t{{.Size}}" }
        let text = try ListFormatter(defaultTable: ContainerRow.defaultTable, headers: ContainerRow.headers)
            .render(format: effective, rows: rows)
        Output.out(text)
    }
}
