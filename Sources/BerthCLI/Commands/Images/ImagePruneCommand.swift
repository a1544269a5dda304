import ArgumentParser

/// `berth image prune`: remove dangling (or, with `-a`, all unused) images.
struct ImagePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "image-prune", abstract: "Remove unused images", shouldDisplay: false)

    @Flag(name: [.customShort("a"), .long], help: "Remove all unused images, not just dangling ones") var all = false
    @Flag(name: [.customShort("f"), .long], help: "Do not prompt for confirmation") var force = false
    @Option(name: .long, help: "Provide filter values (e.g. \"until=<timestamp>\")") var filter: [String] = []

    func run() throws {
        let warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                          : "WARNING! This will remove all dangling images."
        guard force || Confirmation.ask(warning) else { return }
        let client = APIClient()
        var query = QueryString()
        try query.addFilters(filter + ["dangling=\(all ? "false" : "true")"])
        let result = try client.json("POST", "/images/prune", query: query)
        var text = ""
        let deleted = result["ImagesDeleted"]?.arrayValue ?? []
        if !deleted.isEmpty {
            text += "Deleted Images:\n"
            for item in deleted {
                if let untagged = item["Untagged"]?.stringValue { text += "untagged: \(untagged)\n" }
                if let removed = item["Deleted"]?.stringValue { text += "deleted: \(removed)\n" }
            }
            text += "\n"
        }
        text += "Total reclaimed space: \(Units.humanSize(Double(result["SpaceReclaimed"]?.int64Value ?? 0)))\n"
        Output.out(text)
    }
}
