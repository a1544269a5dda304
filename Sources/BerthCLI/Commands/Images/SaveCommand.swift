import ArgumentParser

/// `berth save`: images as a docker-archive tar, to `-o` or stdout.
struct SaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "save", abstract: "Save one or more images to a tar archive (streamed to STDOUT by default)")

    @Option(name: [.customShort("o"), .long], help: "Write to a file, instead of STDOUT") var output: String?
    @Argument(help: "IMAGE") var images: [String] = []

    func validate() throws {
        if images.isEmpty { throw ValidationError("\"save\" requires at least 1 argument.") }
    }

    func run() throws {
        var query = QueryString()
        for image in images { query.add("names", image) }
        try StreamTransfer.download(APIClient(), "/images/get", query: query, to: output, what: "save image")
    }
}
