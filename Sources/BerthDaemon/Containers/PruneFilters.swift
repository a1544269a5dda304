import LinuxSys
import BerthAPI
import Foundation

/// The `label`, `label!` and `until` filters of the prune endpoints, applied
/// as dockerd applies them: every `label` must match, no `label!` may, and
/// only objects created before `until` (a timestamp, RFC 3339 time or a Go
/// duration such as `10m` or `1h30m` ago) are taken.
struct PruneFilters {
    let labels: [String]
    let excludedLabels: [String]
    let until: Date?

    /// Reads the filters; a bad `until` is a 400 in dockerd's words.
    init(_ filters: FilterArguments, now: Date = Date()) throws {
        labels = filters["label"]
        excludedLabels = filters["label!"]
        guard let text = filters["until"].first else {
            until = nil
            return
        }
        guard let date = Self.time(text, now: now) else {
            throw APIError.badRequest("failed to parse value \(text) of filter until")
        }
        until = date
    }

    /// Whether an object with `labels`, created at `created`, is to be pruned.
    func matches(labels objectLabels: [String: String], created: Date?) -> Bool {
        if let until, let created, created >= until { return false }
        for label in labels where !Self.has(label, in: objectLabels) { return false }
        for label in excludedLabels where Self.has(label, in: objectLabels) { return false }
        return true
    }

    /// `key` (present) or `key=value` (equal).
    static func has(_ filter: String, in labels: [String: String]) -> Bool {
        let parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let key = parts.first.map(String.init), let value = labels[key] else { return false }
        return parts.count < 2 || value == parts[1]
    }

    /// A unix timestamp (fractions allowed), an RFC 3339 time, or a duration before `now`.
    static func time(_ text: String, now: Date) -> Date? {
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        if let duration = duration(text) { return now.addingTimeInterval(-duration) }
        return RFC3339.parse(text).map { Date(timeIntervalSince1970: Double($0.seconds) + Double($0.nanoseconds) / 1e9) }
    }

    /// A Go duration: `1h30m`, `45s`, `500ms`, `2.5h`.
    static func duration(_ text: String) -> TimeInterval? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("h", 3600), ("m", 60), ("s", 1)]
        var rest = Substring(text)
        var total: TimeInterval = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return total
    }
}
