import Foundation
import LinuxSys
import Logging

/// A swift-log handler writing one logfmt line per event to stderr:
/// `time=… level=info msg="API listening" socket=/run/berth/berth.sock`.
/// One write per line, so lines from concurrent tasks never interleave.
public struct LogfmtLogHandler: LogHandler {
    /// The minimum level written.
    public var logLevel: Logger.Level
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    private let label: String

    /// A handler for `label` at `level`.
    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and writes one event.
    public func log(event: LogEvent) {
        var text = "time=\(RFC3339.now(fractionDigits: 3)) level=\(Self.name(event.level))"
        text += " msg=\(Self.quote(event.message.description))"
        var merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        if let error = event.error { merged["error"] = "\(error)" }
        for key in merged.keys.sorted() {
            if let value = merged[key] { text += " \(key)=\(Self.quote(value.description))" }
        }
        text += "\n"
        try? FileDescriptor.standardError.writeAll(text)
    }

    /// dockerd's level names.
    static func name(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "info"
        case .warning: "warning"
        case .error: "error"
        case .critical: "fatal"
        }
    }

    /// Quotes a value when it contains spaces, quotes, `=` or is empty.
    static func quote(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
