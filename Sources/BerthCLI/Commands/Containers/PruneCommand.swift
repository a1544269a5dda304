import ArgumentParser
import Glibc

/// `berth container prune`: remove all stopped containers (asks unless `-f`).
struct ContainerPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "container-prune", abstract: "Remove all stopped containers", shouldDisplay: false)

    @Flag(name: [.customShort("f"), .long], help: "Do not prompt for confirmation") var force = false
    @Option(name: .long, help: "Provide filter values (e.g. \"until=<timestamp>\")") var filter: [String] = []

    func run() throws {
        guard force || Confirmation.ask("WARNING! This will remove all stopped containers.") else { return }
        let client = APIClient()
        var query = QueryString()
        try query.addFilters(filter)
        let result = try client.json("POST", "/containers/prune", query: query)
        var text = ""
        let deleted = result["ContainersDeleted"]?.arrayValue ?? []
        if !deleted.isEmpty {
            text += "Deleted Containers:\n"
            for id in deleted { text += (id.stringValue ?? "") + "\n" }
            text += "\n"
        }
        text += "Total reclaimed space: \(Units.humanSize(Double(result["SpaceReclaimed"]?.int64Value ?? 0)))\n"
        Output.out(text)
    }
}

/// The y/N question docker asks before destructive prunes.
enum Confirmation {
    /// Prints `warning` and the question; true when the answer is y/yes.
    static func ask(_ warning: String) -> Bool {
        Output.out(warning + "\nAre you sure you want to continue? [y/N] ")
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1, byte != 10 { answer.append(byte) }
        let text = String(decoding: answer, as: UTF8.self).trimmingCharacters().lowercased()
        return text == "y" || text == "yes"
    }
}
