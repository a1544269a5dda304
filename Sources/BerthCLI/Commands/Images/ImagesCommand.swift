import ArgumentParser

/// `berth images`: list images as docker does.
struct ImagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "images", abstract: "List images")

    @Flag(name: [.customShort("a"), .long], help: "Show all images (default hides intermediate images)") var all = false
    @Flag(name: [.customShort("q"), .long], help: "Only show image IDs") var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output") var noTrunc = false
    @Flag(name: .long, help: "Show digests") var digests = false
    @Option(name: [.customShort("f"), .long], help: "Filter output based on conditions provided") var filter: [String] = []
    @Option(name: .long, help: "Format output using a custom template") var format: String = ""
    @Argument(help: "[REPOSITORY[:TAG]]") var reference: String?

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        query.add("all", "1", if: all)
        try query.addFilters(filter + (reference.map { ["reference=\($0)"] } ?? []))
        let list = try client.json("GET", "/images/json", query: query)
        let now = TimeFormat.now()
        let rows = (list.arrayValue ?? []).flatMap { ImageRow.make($0, truncate: !noTrunc, now: now) }
        var effective = format
        if quiet && format.isEmpty { effective = "{{.ID}}" }
        var table = ImageRow.defaultTable
        if digests { table = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}" }
        Output.out(try ListFormatter(defaultTable: table, headers: ImageRow.headers).render(format: effective, rows: rows))
    }
}
