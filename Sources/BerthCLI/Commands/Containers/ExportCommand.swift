import ArgumentParser

/// `berth export`: a container's filesystem as a tar, to `-o` or stdout.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a container's filesystem as a tar archive")

    @Option(name: [.customShort("o"), .long], help: "Write to a file, instead of STDOUT") var output: String?
    @Argument(help: "CONTAINER") var container: String

    func run() throws {
        try StreamTransfer.download(APIClient(), APIClient.containerPath(container) + "/export", to: output, what: "export container")
    }
}
