import ArgumentParser
import OCI

/// `berth version`: client and server versions, laid out as docker's.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Show the Berth version information")

    /// The CLI's own version.
    static let clientVersion = "0.1.0"

    @Option(name: [.customShort("f"), .long], help: "Format output using a custom template") var format: String = ""

    func run() throws {
        let client = APIClient()
        let arch = "amd64"
        let clientInfo = JSONValue.object([
            ("Version", .string(Self.clientVersion)), ("ApiVersion", .string(APIClient.maxVersion)),
            ("DefaultAPIVersion", .string(APIClient.maxVersion)), ("GitCommit", .string("")), ("GoVersion", .string("")),
            ("Os", .string("linux")), ("Arch", .string(arch)), ("BuildTime", .string("")), ("Context", .string("default")),
        ])
        var server: JSONValue = .null
        var serverError: Error?
        do { server = try client.json("GET", "/version") } catch { serverError = error }
        if !format.isEmpty {
            try InspectCommand.print([.object([("Client", clientInfo), ("Server", server)])], format: format)
            if let serverError { throw serverError }
            return
        }
        var text = """
        Client:
         Version:           \(Self.clientVersion)
         API version:       \(APIClient.maxVersion)\(client.version != APIClient.maxVersion ? " (downgraded from \(APIClient.maxVersion))" : "")
         OS/Arch:           linux/\(arch)
         Context:           default

        """
        if case .object = server {
            let platform = server["Platform"]?["Name"]?.stringValue ?? ""
            text += "\nServer:\(platform.isEmpty ? "" : " " + platform)\n"
            let components = server["Components"]?.arrayValue ?? []
            if components.isEmpty {
                text += Self.engineBlock(server)
            }
            for component in components {
                let name = component["Name"]?.stringValue ?? ""
                if name == "Engine" {
                    text += Self.engineBlock(component["Details"] ?? .null, version: component["Version"]?.stringValue)
                } else {
                    text += " \(name):\n"
                    text += Self.line("  Version:", component["Version"]?.stringValue ?? "")
                    for (key, value) in component["Details"]?.objectValue ?? [] {
                        text += Self.line("  \(key):", TemplateEvaluator.display(value))
                    }
                }
            }
        }
        Output.out(text)
        if let serverError { throw serverError }
    }

    private static func line(_ label: String, _ value: String) -> String {
        label + String(repeating: " ", count: max(1, 20 - label.count)) + value + "\n"
    }

    private static func engineBlock(_ details: JSONValue, version: String? = nil) -> String {
        func field(_ key: String) -> String { details[key].map { TemplateEvaluator.display($0) } ?? "" }
        var text = " Engine:\n"
        text += line("  Version:", version ?? field("Version"))
        text += line("  API version:", "\(field("ApiVersion")) (minimum version \(field("MinAPIVersion")))")
        text += line("  Go version:", field("GoVersion"))
        text += line("  Git commit:", field("GitCommit"))
        text += line("  Built:", field("BuildTime"))
        text += line("  OS/Arch:", "\(field("Os"))/\(field("Arch"))")
        text += line("  Experimental:", field("Experimental").isEmpty ? "false" : field("Experimental"))
        return text
    }
}
