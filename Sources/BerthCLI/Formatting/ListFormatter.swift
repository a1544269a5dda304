import OCI

/// Renders list commands (`ps`, `images`, `history`, …) the way docker's
/// formatter does: a `table …` template laid out by tabwriter with a header
/// row built from the same template, a plain template one line per row, or
/// `json` (each row as a JSON object).
struct ListFormatter {
    /// The default `table …` format.
    let defaultTable: String
    /// Field name → header text (`ID` → `CONTAINER ID`).
    let headers: [String: String]

    /// The output for `rows` under the user's `--format` (empty for the default).
    func render(format userFormat: String, rows: [JSONValue]) throws(CLIError) -> String {
        var format = userFormat.isEmpty || userFormat == "table" ? defaultTable : userFormat
        if format == "json" { format = "{{json .}}" }
        let isTable = format.hasPrefix("table")
        var body = isTable ? String(format.dropFirst(5)) : format
        body = body.trimmingSpacesOnly().replacingEscapes()
        let template: Template
        do { template = try Template(body) } catch { throw CLIError("template parsing error: \(error.description)", exitCode: 1) }
        var out = ""
        do {
            if isTable {
                let headerData = JSONValue.object(headers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
                out += try template.render(headerData) + "\n"
            }
            for row in rows { out += try template.render(row) + "\n" }
        } catch {
            throw CLIError(error.description, exitCode: 1)
        }
        return isTable ? TableWriter().format(out) : out
    }
}

extension String {
    /// Without leading and trailing spaces (docker trims only `' '` around a format).
    func trimmingSpacesOnly() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// `\t` and `\n` typed literally in a format become a tab and a newline, as docker does.
    func replacingEscapes() -> String {
        components(separatedBy: "\\t").joined(separator: "\t").components(separatedBy: "\\n").joined(separator: "\n")
    }
}
