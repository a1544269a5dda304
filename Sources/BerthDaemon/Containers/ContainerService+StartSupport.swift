import BerthAPI
import Foundation
import OCI

extension ContainerService {
    /// The shim flags for HostConfig.LogConfig (json-file's max-size/max-file).
    static func logArguments(_ config: LogConfig?) throws -> [String] {
        guard let options = config?.Config else { return [] }
        var arguments: [String] = []
        if let size = options["max-size"] {
            guard let bytes = parseSize(size), bytes > 0 else { throw APIError.badRequest("invalid max-size \(size) for json-file log driver") }
            arguments += ["--log-max-size", String(bytes)]
        }
        if let files = options["max-file"] {
            guard let count = Int(files), count >= 1 else { throw APIError.badRequest("max-file cannot be less than 1") }
            arguments += ["--log-max-files", String(count)]
        }
        return arguments
    }

    /// "10m", "512k", "1g", "100" → bytes (binary units, as Docker's RAMInBytes).
    static func parseSize(_ text: String) -> Int? {
        let lower = text.lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        var unit = lower.dropFirst(digits.count)
        if unit.hasSuffix("b") { unit = unit.dropLast() }
        if unit.hasSuffix("i") { unit = unit.dropLast() }
        let multiplier: Double
        switch unit {
        case "": multiplier = 1
        case "k": multiplier = 1024
        case "m": multiplier = 1024 * 1024
        case "g": multiplier = 1024 * 1024 * 1024
        default: return nil
        }
        return Int(number * multiplier)
    }

    /// The runtime's complaint, without the shim's prefix, in dockerd's words.
    static func startFailureMessage(_ output: String) -> String {
        var text = output.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("berth-shim: ") { text = String(text.dropFirst("berth-shim: ".count)) }
        return "failed to create task for container: OCI runtime create failed: " + text + ": unknown"
    }

    /// dockerd answers 400 when the command cannot be found or run (the CLI
    /// then exits 127 or 126), 500 otherwise.
    static func startFailureStatus(_ message: String) -> Int {
        let clientFaults = ["executable file not found", "no such file or directory", "permission denied", "not a directory",
                            "unable to find user", "exec format error"]
        return clientFaults.contains { message.contains($0) } ? 400 : 500
    }

    /// `{"error":"…"}` → the message.
    static func errorText(_ reply: String) -> String {
        (try? JSONParser.parse(reply))?["error"]?.stringValue ?? reply
    }
}
