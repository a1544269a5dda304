import ArgumentParser
import Glibc

/// `berth load`: load images from a tar archive (`-i` or stdin).
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Load an image from a tar archive or STDIN")

    @Option(name: [.customShort("i"), .long], help: "Read from tar archive file, instead of STDIN") var input: String?
    @Flag(name: [.customShort("q"), .long], help: "Suppress the load output") var quiet = false

    func run() throws {
        if input == nil, isatty(0) == 1 {
            throw CLIError("requested load from stdin, but stdin is empty")
        }
        let client = APIClient()
        let (source, shouldClose) = try StreamTransfer.openInput(input)
        defer { if shouldClose { source.close() } }
        var query = QueryString()
        query.add("quiet", quiet || isatty(1) != 1 ? "1" : "0")
        let response = try StreamTransfer.upload(client, "POST", "/images/load", query: query, from: source, contentType: "application/x-tar")
        try APIClient.check(response)
        try JSONMessageStream.print(response.text)
    }
}
