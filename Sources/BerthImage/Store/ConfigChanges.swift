import Foundation

/// Dockerfile-style changes applied to an image config, as `docker import
/// --change` and `docker commit --change` take them: CMD, ENTRYPOINT, ENV,
/// EXPOSE, LABEL, USER, VOLUME, WORKDIR, STOPSIGNAL, ONBUILD.
public enum ConfigChanges {
    /// Applies each change in order; an unknown or malformed one is an error
    /// naming it, and nothing is applied.
    public static func apply(_ changes: [String], to original: ContainerConfig) throws(ImageStoreError) -> ContainerConfig {
        var config = original
        for change in changes {
            let trimmed = change.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            let instruction = parts[0].uppercased()
            let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
            switch instruction {
            case "CMD": config.cmd = try command(argument, change)
            case "ENTRYPOINT": config.entrypoint = try command(argument, change)
            case "ENV":
                for (key, value) in try pairs(argument, change) {
                    var env = (config.env ?? []).filter { !$0.hasPrefix(key + "=") }
                    env.append(key + "=" + value)
                    config.env = env
                }
            case "LABEL":
                for (key, value) in try pairs(argument, change) { config.labels = (config.labels ?? [:]).merging([key: value]) { $1 } }
            case "EXPOSE":
                for port in argument.split(separator: " ") {
                    let spec = port.contains("/") ? String(port) : port + "/tcp"
                    guard let number = Int(spec.split(separator: "/")[0]), (1...65535).contains(number) else {
                        throw .invalid("invalid containerPort: \(port)")
                    }
                    config.exposedPorts = (config.exposedPorts ?? [:]).merging([spec: EmptyObject()]) { $1 }
                }
            case "USER": config.user = argument
            case "WORKDIR": config.workingDir = argument
            case "STOPSIGNAL": config.stopSignal = argument
            case "VOLUME":
                let volumes = (try? JSONDecoder().decode([String].self, from: Data(argument.utf8))) ?? argument.split(separator: " ").map(String.init)
                for volume in volumes { config.volumes = (config.volumes ?? [:]).merging([volume: EmptyObject()]) { $1 } }
            case "ONBUILD": config.onBuild = (config.onBuild ?? []) + [argument]
            default:
                throw .invalid("\(instruction) is not a valid change command")
            }
        }
        return config
    }

    /// JSON array form, or shell form run by `/bin/sh -c`.
    static func command(_ argument: String, _ change: String) throws(ImageStoreError) -> [String] {
        if argument.hasPrefix("[") {
            guard let array = try? JSONDecoder().decode([String].self, from: Data(argument.utf8)) else {
                throw .invalid("invalid change \"\(change)\": malformed JSON array")
            }
            return array
        }
        guard !argument.isEmpty else { throw .invalid("invalid change \"\(change)\": missing command") }
        return ["/bin/sh", "-c", argument]
    }

    /// `K=V K2="v 2"` or the legacy `K V` form.
    static func pairs(_ argument: String, _ change: String) throws(ImageStoreError) -> [(String, String)] {
        guard !argument.isEmpty else { throw .invalid("invalid change \"\(change)\": missing key") }
        if !argument.contains("=") {
            let parts = argument.split(separator: " ", maxSplits: 1)
            return [(String(parts[0]), parts.count > 1 ? String(parts[1]) : "")]
        }
        var result: [(String, String)] = []
        var current = ""
        var quote: Character?
        var tokens: [String] = []
        for character in argument {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        for token in tokens {
            guard let equals = token.firstIndex(of: "="), equals != token.startIndex else {
                throw .invalid("invalid change \"\(change)\": \(token) is not KEY=VALUE")
            }
            result.append((String(token[..<equals]), String(token[token.index(after: equals)...])))
        }
        return result
    }
}
