import Foundation

/// `filters` of `GET /events` (type, event, container, image, label):
/// values of one key are alternatives, keys must all match — dockerd's rules.
public struct EventFilter: Sendable {
    let terms: [String: [String]]

    /// Parses the query's JSON (`{"type":{"container":true}}` or `{"type":["container"]}`);
    /// a 400 naming the problem for anything else.
    public init(json: String?) throws(APIError) {
        guard let json, !json.isEmpty else {
            terms = [:]
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw .badRequest("invalid filter '\(json)'")
        }
        var parsed: [String: [String]] = [:]
        for (key, value) in object {
            guard ["type", "event", "container", "image", "label", "scope"].contains(key) else {
                throw .badRequest("invalid filter '\(key)'")
            }
            if let map = value as? [String: Bool] {
                parsed[key] = map.filter(\.value).map(\.key)
            } else if let list = value as? [String] {
                parsed[key] = list
            } else {
                throw .badRequest("invalid filter '\(key)'")
            }
        }
        terms = parsed
    }

    /// Whether `event` passes.
    public func matches(_ event: EngineEvent) -> Bool {
        for (key, values) in terms where !values.isEmpty {
            let ok: Bool
            switch key {
            case "type": ok = values.contains(event.Type)
            case "event": ok = values.contains(event.Action) || values.contains { event.Action.hasPrefix($0 + ":") }
            case "container":
                ok = event.Type == "container"
                    && values.contains { $0 == event.Actor.Attributes["name"] || event.Actor.ID.hasPrefix($0) }
            case "image":
                ok = values.contains { $0 == event.Actor.Attributes["image"] || $0 == event.Actor.ID || $0 == event.Actor.Attributes["name"] }
            case "label":
                ok = values.contains { term in
                    let parts = term.split(separator: "=", maxSplits: 1).map(String.init)
                    guard let key = parts.first, let actual = event.Actor.Attributes[key] else { return false }
                    return parts.count == 1 || parts[1] == actual
                }
            case "scope": ok = values.contains(event.scope)
            default: ok = true
            }
            if !ok { return false }
        }
        return true
    }
}
