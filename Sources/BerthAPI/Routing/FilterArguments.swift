import Foundation

/// Docker's `filters` query parameter: JSON `{"name":{"value":true}}` (or the
/// old `{"name":["value"]}`), decoded into name → values. Used by the prune
/// endpoints; a malformed value is a 400 as dockerd answers it.
public struct FilterArguments: Sendable, Equatable {
    /// Every filter name with its values, sorted.
    public let values: [String: [String]]

    /// Filters from the raw JSON text; nil or empty text means no filters.
    public init(json: String?) throws(APIError) {
        guard let json, !json.isEmpty else {
            values = [:]
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw .badRequest("invalid filter '\(json)'")
        }
        var values: [String: [String]] = [:]
        for (name, raw) in object {
            if let map = raw as? [String: Any] {
                values[name] = map.keys.sorted()
            } else if let list = raw as? [String] {
                values[name] = list.sorted()
            } else {
                throw .badRequest("invalid filter '\(json)'")
            }
        }
        self.values = values
    }

    /// Filters given directly (tests, internal callers).
    public init(_ values: [String: [String]]) { self.values = values }

    /// The values of one filter (empty when absent).
    public subscript(_ name: String) -> [String] { values[name] ?? [] }

    /// Fails with dockerd's words when a filter other than `allowed` is present.
    public func validate(allowed: Set<String>) throws(APIError) {
        for name in values.keys.sorted() where !allowed.contains(name) {
            throw .badRequest("invalid filter '\(name)'")
        }
    }
}
