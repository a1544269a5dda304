import ArgumentParser
import OCI

/// `berth events`: the daemon's event stream, one line per event as docker prints it.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Get real time events from the server")

    @Option(name: .long, help: "Show all events created since timestamp") var since: String?
    @Option(name: .long, help: "Stream events until this timestamp") var until: String?
    @Option(name: [.customShort("f"), .long], help: "Filter output based on conditions provided") var filter: [String] = []
    @Option(name: .long, help: "Format output using a custom template") var format: String = ""

    /// docker's line: `<time> <Type> <Action> <Actor.ID> (k=v, …)`.
    static func line(_ event: JSONValue) -> String {
        let nanos = event["timeNano"]?.int64Value ?? (event["time"]?.int64Value ?? 0) * 1_000_000_000
        let type = event["Type"]?.stringValue ?? ""
        let action = event["Action"]?.stringValue ?? event["status"]?.stringValue ?? ""
        let actor = event["Actor"]?["ID"]?.stringValue ?? event["id"]?.stringValue ?? ""
        var text = "\(TimeFormat.rfc3339Nano(unixNano: nanos, fixed: true)) \(type) \(action) \(actor)"
        let attributes = (event["Actor"]?["Attributes"]?.objectValue ?? []).sorted { $0.0 < $1.0 }
        if !attributes.isEmpty {
            text += " (" + attributes.map { "\($0.0)=\(TemplateEvaluator.display($0.1))" }.joined(separator: ", ") + ")"
        }
        return text
    }

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        if let since { query.add("since", TimeFormat.apiTimestamp(since)) }
        if let until { query.add("until", TimeFormat.apiTimestamp(until)) }
        try query.addFilters(filter)
        var template: Template?
        if !format.isEmpty {
            let text = format == "json" ? "{{json .}}" : format.replacingEscapes()
            do { template = try Template(text) } catch { throw CLIError("template parsing error: \(error.description)") }
        }
        let connection = try client.connection()
        let head = try connection.start("GET", client.prefix + "/events" + query.encoded)
        if head.status >= 400 {
            var response = head
            response.body = try connection.readRemainingBody()
            throw APIClient.daemonError(response)
        }
        var pending: [UInt8] = []
        while let part = try connection.readBodyPart() {
            pending += part
            while let newline = pending.firstIndex(of: 10) {
                let line = Array(pending[..<newline])
                pending.removeFirst(newline + 1)
                guard let event = try? JSONParser.parse(line) else { continue }
                if let template {
                    do { Output.line(try template.render(event)) } catch { throw CLIError(error.description) }
                } else {
                    Output.line(Self.line(event))
                }
            }
        }
    }
}
