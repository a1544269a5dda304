import ArgumentParser
import OCI

/// `berth inspect` (and `container inspect`/`image inspect`): the objects'
/// JSON, indented as docker prints it, or one `--format` line per object.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Return low-level information on Docker objects")

    @Option(name: [.customShort("f"), .long], help: "Format output using a custom template") var format: String = ""
    @Option(name: .long, help: "Return JSON for specified type") var type: String?
    @Flag(name: [.customShort("s"), .long], help: "Display total file sizes if the type is container") var size = false
    @Argument(help: "NAME|ID") var names: [String] = []

    func validate() throws {
        if names.isEmpty { throw ValidationError("\"inspect\" requires at least 1 argument.") }
    }

    func run() throws {
        try Self.inspect(names, type: type, format: format, size: size)
    }

    /// Looks each name up (containers, then images unless `type` says which) and prints the results.
    static func inspect(_ names: [String], type: String?, format: String, size: Bool) throws {
        let client = APIClient()
        var found: [JSONValue] = []
        var errors: [String] = []
        for name in names {
            var value: JSONValue?
            if type == nil || type == "container" {
                var query = QueryString()
                query.add("size", "1", if: size)
                let response = try client.send("GET", APIClient.containerPath(name) + "/json", query: query)
                if response.status < 400 { value = try APIClient.decode(response.body) } else if response.status != 404 {
                    throw APIClient.daemonError(response)
                }
            }
            if value == nil, type == nil || type == "image" {
                let response = try client.send("GET", "/images/" + QueryString.escapePath(name) + "/json")
                if response.status < 400 { value = try APIClient.decode(response.body) } else if response.status != 404 {
                    throw APIClient.daemonError(response)
                }
            }
            if let value { found.append(value) } else {
                switch type {
                case "container": errors.append("Error: No such container: \(name)")
                case "image": errors.append("Error: No such image: \(name)")
                default: errors.append("Error: No such object: \(name)")
                }
            }
        }
        try Self.print(found, format: format)
        if !errors.isEmpty { throw CLIError(errors.joined(separator: "\n")) }
    }

    /// Prints objects as an indented JSON array, or through a template.
    static func print(_ values: [JSONValue], format: String) throws {
        if format.isEmpty || format == "json" {
            if format == "json" {
                for value in values { Output.line(GoJSON.compact(value)) }
                return
            }
            Output.line(GoJSON.indented(.array(values)))
            return
        }
        let template: Template
        do { template = try Template(format.replacingEscapes()) } catch {
            throw CLIError("template parsing error: \(error.description)")
        }
        var out = ""
        for value in values {
            do { out += try template.render(value) + "\n" } catch { throw CLIError(error.description) }
        }
        Output.out(out)
    }
}
