import Foundation

/// The daemon.json settings Berth understands. Like dockerd, an unknown key is an error that
/// names the key, so a typo never silently does nothing.
public struct DaemonConfigFile: Sendable, Equatable {
    /// `"hosts": ["unix:///…"]`.
    public var hosts: [String]?
    /// `"data-root": "/var/lib/berth"`.
    public var dataRoot: String?
    /// `"log-level": "info"`.
    public var logLevel: String?

    /// The keys accepted.
    public static let knownKeys: Set<String> = ["hosts", "data-root", "log-level"]
    /// Where berthd looks when `--config-file` is not given.
    public static let defaultPath = "/etc/berth/daemon.json"

    /// An empty file (everything from flags or defaults).
    public init(hosts: [String]? = nil, dataRoot: String? = nil, logLevel: String? = nil) {
        self.hosts = hosts
        self.dataRoot = dataRoot
        self.logLevel = logLevel
    }

    /// Parses the JSON text of a file at `path` (the path is only for messages).
    public init(json: [UInt8], path: String) throws(DaemonConfigurationError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json))
        } catch {
            throw .invalidFile(file: path, reason: "not valid JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw .invalidFile(file: path, reason: "the top level must be a JSON object")
        }
        if let unknown = dictionary.keys.sorted().first(where: { !Self.knownKeys.contains($0) }) {
            throw .unknownKey(file: path, key: unknown)
        }
        self.init()
        if let value = dictionary["hosts"] {
            guard let hosts = value as? [String] else { throw .invalidFile(file: path, reason: "\"hosts\" must be a list of strings") }
            self.hosts = hosts
        }
        if let value = dictionary["data-root"] {
            guard let root = value as? String else { throw .invalidFile(file: path, reason: "\"data-root\" must be a string") }
            self.dataRoot = root
        }
        if let value = dictionary["log-level"] {
            guard let level = value as? String else { throw .invalidFile(file: path, reason: "\"log-level\" must be a string") }
            self.logLevel = level
        }
    }

    /// Reads the file at `path`; a missing file is fine only when `required` is false.
    public static func load(path: String, required: Bool) throws(DaemonConfigurationError) -> DaemonConfigFile {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw .unreadableFile(file: path, reason: "no such file") }
            return DaemonConfigFile()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(file: path, reason: "permission denied or not a file")
        }
        return try DaemonConfigFile(json: Array(data), path: path)
    }
}
