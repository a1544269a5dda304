import Foundation

/// A short-pathed temp directory (Unix socket paths must stay under 108 bytes),
/// removed with everything in it when released.
final class TemporaryDirectory: Sendable {
    let path: String

    init(prefix: String = "berth-test") throws {
        path = "/tmp/\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
