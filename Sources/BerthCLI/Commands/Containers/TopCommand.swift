import ArgumentParser

/// `berth top`: the processes running in a container, as a table.
struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: "Display the running processes of a container")

    @Argument(help: "CONTAINER") var container: String
    @Argument(parsing: .captureForPassthrough, help: "[ps OPTIONS]") var psArguments: [String] = []

    func run() throws {
        let client = APIClient()
        var query = QueryString()
        if !psArguments.isEmpty { query.add("ps_args", psArguments.joined(separator: " ")) }
        let result = try client.json("GET", APIClient.containerPath(container) + "/top", query: query)
        var text = (result["Titles"]?.arrayValue ?? []).map { TemplateEvaluator.display($0) }.joined(separator: "\t") + "\n"
        for process in result["Processes"]?.arrayValue ?? [] {
            text += (process.arrayValue ?? []).map { TemplateEvaluator.display($0) }.joined(separator: "\t") + "\n"
        }
        Output.out(TableWriter(minWidth: 20, padding: 3).format(text))
    }
}
