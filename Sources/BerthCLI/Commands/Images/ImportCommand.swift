import ArgumentParser
import BerthClient

/// `berth import`: make an image from a filesystem tarball (a file or `-`); prints its ID.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import the contents from a tarball to create a filesystem image")

    @Option(name: [.customShort("c"), .long], help: "Apply Dockerfile instruction to the created image") var change: [String] = []
    @Option(name: [.customShort("m"), .long], help: "Set commit message for imported image") var message: String?
    @Option(name: .long, help: "Set platform if server is multi-platform capable") var platform: String?
    @Argument(help: "file|URL|-") var source: String
    @Argument(help: "[REPOSITORY[:TAG]]") var reference: String?

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        for item in change { query.add("changes", item) }
        let isURL = source.hasPrefix("http://") || source.hasPrefix("https://")
        query.add("fromSrc", isURL ? source : "-")
        if let message { query.add("message", message) }
        if let platform { query.add("platform", platform) }
        if let reference { query.add("repo", reference) }
        let response: EngineResponse
        if isURL {
            response = try client.send("POST", "/images/create", query: query)
        } else {
            let (input, shouldClose) = try StreamTransfer.openInput(source)
            defer { if shouldClose { input.close() } }
            response = try StreamTransfer.upload(client, "POST", "/images/create", query: query, from: input, contentType: "text/plain")
        }
        try APIClient.check(response)
        try JSONMessageStream.print(response.text)
    }
}
