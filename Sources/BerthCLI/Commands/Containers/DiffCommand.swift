import ArgumentParser

/// `berth diff`: files changed in a container's filesystem (`C`, `A`, `D`).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Inspect changes to files or directories on a container's filesystem")

    @Argument(help: "CONTAINER") var container: String

    func run() throws {
        let client = APIClient()
        let changes = try client.json("GET", APIClient.containerPath(container) + "/changes")
        var text = ""
        for change in changes.arrayValue ?? [] {
            let kind: String
            switch change["Kind"]?.int64Value ?? 0 {
            case 1: kind = "A"
            case 2: kind = "D"
            default: kind = "C"
            }
            text += "\(kind) \(change["Path"]?.stringValue ?? "")\n"
        }
        Output.out(text)
    }
}
