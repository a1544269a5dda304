import Foundation
import LinuxSys

/// The engine's stable ID (`docker info`'s ID), made once and kept in `<data-root>/engine-id`.
public enum EngineIdentity {
    /// Reads the ID, creating it on first start.
    public static func loadOrCreate(dataRoot: String) throws(SystemError) -> String {
        let path = Path.join(dataRoot, "engine-id")
        if let existing = try? FileSystem.readString(path) {
            let trimmed = existing.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { return trimmed }
        }
        let id = UUID().uuidString.lowercased()
        try FileSystem.writeAtomically(path, Array((id + "\n").utf8), mode: 0o600)
        return id
    }
}
