import Foundation
import LinuxSys

/// Where an image store keeps its names (name → image ID). berthd keeps them
/// in its SQLite database beside containers and execs; a store on its own
/// (tests, tools) uses a JSON file replaced atomically.
public protocol ReferenceTable: Sendable {
    /// Every name, by canonical reference string.
    func load() -> [String: Digest]
    /// Replaces every name at once.
    func save(_ references: [String: Digest]) throws
}

/// The JSON-file table: `<root>/repositories.json`.
public struct JSONReferenceTable: ReferenceTable {
    /// The file's path.
    public let path: String

    /// A table in the file at `path`.
    public init(path: String) { self.path = path }

    public func load() -> [String: Digest] {
        guard let data = FileManager.default.contents(atPath: path),
              let decoded = try? JSONDecoder().decode([String: Digest].self, from: data) else { return [:] }
        return decoded
    }

    public func save(_ references: [String: Digest]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileSystem.writeAtomically(path, Array(try encoder.encode(references)), mode: 0o600)
    }
}
