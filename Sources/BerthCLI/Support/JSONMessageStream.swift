import OCI

/// Prints a JSON message stream (load, import, pull) as docker does: `stream`
/// text verbatim, `status` lines (with `id: ` before them), and stops at the
/// first `error`.
enum JSONMessageStream {
    /// Prints the messages in `text`; throws the stream's error, if any.
    static func print(_ text: String, showProgress: Bool = false) throws {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let message = try? JSONParser.parse(Array(line.utf8)) else { continue }
            if let error = message["errorDetail"]?["message"]?.stringValue ?? message["error"]?.stringValue {
                throw CLIError(error)
            }
            if let stream = message["stream"]?.stringValue {
                Output.out(stream)
            } else if let status = message["status"]?.stringValue {
                if message["progressDetail"]?["total"] != nil, !showProgress { continue }
                if let id = message["id"]?.stringValue { Output.line("\(id): \(status)") } else { Output.line(status) }
            }
        }
    }
}
