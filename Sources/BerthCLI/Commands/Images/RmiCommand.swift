import ArgumentParser

/// `berth rmi`: untag and delete images, printing `Untagged:`/`Deleted:` lines.
struct RmiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rmi", abstract: "Remove one or more images")

    @Flag(name: [.customShort("f"), .long], help: "Force removal of the image") var force = false
    @Flag(name: .customLong("no-prune"), help: "Do not delete untagged parents") var noPrune = false
    @Argument(help: "IMAGE") var images: [String] = []

    func validate() throws {
        if images.isEmpty { throw ValidationError("\"rmi\" requires at least 1 argument.") }
    }

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        query.add("force", "1", if: force)
        query.add("noprune", "1", if: noPrune)
        try NameLoop.run(images, quiet: true) { name in
            let result = try client.json("DELETE", "/images/" + QueryString.escapePath(name), query: query)
            for item in result.arrayValue ?? [] {
                if let untagged = item["Untagged"]?.stringValue { Output.line("Untagged: \(untagged)") }
                if let deleted = item["Deleted"]?.stringValue { Output.line("Deleted: \(deleted)") }
            }
        }
    }
}
