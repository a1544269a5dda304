import Foundation

/// Docker's `filters` query parameter: JSON mapping a filter name to values,
/// either `{"status":{"exited":true}}` (what current clients send) or the
/// older `{"status":["exited"]}`; both decode to name → values.
public enum FilterParameters {
    /// The filters in `text`; empty when absent; 400 when it is not such JSON.
    public static func parse(_ text: String?) throws(APIError) -> [String: [String]] {
        guard let text, !text.isEmpty else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw .badRequest("invalid filter: \(text)")
        }
        var filters: [String: [String]] = [:]
        for (name, value) in object {
            if let set = value as? [String: Any] {
                filters[name] = set.compactMap { key, flag in (flag as? Bool) == false ? nil : key }.sorted()
            } else if let list = value as? [String] {
                filters[name] = list
            } else {
                throw .badRequest("invalid filter: \(text)")
            }
        }
        return filters
    }
}
