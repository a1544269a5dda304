import ArgumentParser
import OCI

/// `berth history`: an image's layers, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show the history of an image")

    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output") var noTrunc = false
    @Flag(name: [.customShort("q"), .long], help: "Only show image IDs") var quiet = false
    @Option(name: [.customShort("H"), .long], help: "Print sizes and dates in human readable format (true|false)") var human: String = "true"
    @Option(name: .long, help: "Format output using a custom template") var format: String = ""
    @Argument(help: "IMAGE") var image: String

    static let defaultTable = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
    static let headers = ["ID": "IMAGE", "CreatedSince": "CREATED", "CreatedAt": "CREATED AT", "CreatedBy": "CREATED BY", "Size": "SIZE", "Comment": "COMMENT"]

    func run() throws {
        let client = APIClient()
        let history = try client.json("GET", "/images/" + QueryString.escapePath(image) + "/history")
        let now = TimeFormat.now()
        let isHuman = human != "false" && human != "0"
        let rows: [JSONValue] = (history.arrayValue ?? []).map { item in
            var id = item["Id"]?.stringValue ?? ""
            if !noTrunc, id.hasPrefix("sha256:") { id = String(id.dropFirst(7).prefix(12)) }
            let created = item["Created"]?.int64Value ?? 0
            var createdBy = (item["CreatedBy"]?.stringValue ?? "").replacingTabs()
            if !noTrunc { createdBy = ContainerRow.ellipsis(createdBy, 45) }
            let size = item["Size"]?.int64Value ?? 0
            let fields: [(String, String)] = [
                ("Comment", item["Comment"]?.stringValue ?? ""),
                ("CreatedAt", TimeFormat.rfc3339Nano(unixNano: created * 1_000_000_000)),
                ("CreatedBy", createdBy),
                ("CreatedSince", isHuman ? Units.humanDuration(seconds: now - Double(created)) + " ago" : TimeFormat.rfc3339Nano(unixNano: created * 1_000_000_000)),
                ("ID", id),
                ("Size", isHuman ? Units.humanSize(Double(size)) : String(size)),
            ]
            return .object(fields.map { ($0.0, .string($0.1)) })
        }
        var effective = format
        if quiet && format.isEmpty { effective = "{{.ID}}" }
        Output.out(try ListFormatter(defaultTable: Self.defaultTable, headers: Self.headers).render(format: effective, rows: rows))
    }
}

extension String {
    fileprivate func replacingTabs() -> String { components(separatedBy: "\t").joined(separator: " ") }
}
