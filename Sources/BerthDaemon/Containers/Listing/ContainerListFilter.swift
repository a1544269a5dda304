import BerthAPI
import Foundation

/// `GET /containers/json`'s selection, as moby's daemon/list.go makes it:
/// newest first; stopped containers only with `all`, a `limit`, or a status
/// filter; filters on name and id (regular expressions, as dockerd), label
/// (key or key=value), status, exited, ancestor, before/since, volume, network.
struct ContainerListFilter {
    /// The filter names dockerd accepts.
    static let accepted: Set<String> = [
        "ancestor", "before", "exited", "id", "isolation", "label", "name", "status", "health", "since", "volume",
        "network", "is-task", "publish", "expose",
    ]
    static let states = ["created", "running", "paused", "restarting", "removing", "exited", "dead"]

    var options: ContainerListOptions
    var exitCodes: [Int] = []
    /// Image IDs `ancestor` allows; nil when not filtering on it.
    var ancestorImages: Set<String>?

    /// Checks the filters; `resolveImage` turns an ancestor reference into an image ID (nil if unknown).
    init(_ options: ContainerListOptions, resolveImage: (String) -> String?) throws(APIError) {
        self.options = options
        for name in options.filters.keys.sorted() where !Self.accepted.contains(name) {
            throw .badRequest("invalid filter '\(name)'")
        }
        for value in options.filters["exited"] ?? [] {
            guard let code = Int(value) else {
                throw .badRequest("invalid filter 'exited=\(value)': strconv.Atoi: parsing \"\(value)\": invalid syntax")
            }
            exitCodes.append(code)
        }
        for value in options.filters["status"] ?? [] where !Self.states.contains(value) {
            throw .badRequest("invalid filter 'status=\(value)': invalid value for state (\(value)): must be one of \(Self.states.joined(separator: ", "))")
        }
        if !(options.filters["status"] ?? []).isEmpty { self.options.all = true }
        if let ancestors = options.filters["ancestor"] {
            ancestorImages = Set(ancestors.compactMap(resolveImage))
        }
    }

    /// The entries to list, newest first, with `before`/`since` and `limit` applied.
    func select(_ entries: [ContainerListEntry]) throws(APIError) -> [ContainerListEntry] {
        let sorted = entries.sorted { $0.created > $1.created }
        var before = try anchor("before", in: sorted)
        let since = try anchor("since", in: sorted)
        var result: [ContainerListEntry] = []
        let limit = options.limit ?? 0
        for entry in sorted {
            if let anchor = before {
                if entry.id == anchor { before = nil }
                continue
            }
            if let since, entry.id == since { break }
            if !entry.isRunning && !options.all && limit <= 0 { continue }
            guard matches(entry) else { continue }
            if limit > 0 && result.count == limit { break }
            result.append(entry)
        }
        return result
    }

    /// The ID a before/since filter names (ID, prefix or name); 404 when none.
    private func anchor(_ filter: String, in entries: [ContainerListEntry]) throws(APIError) -> String? {
        guard let value = options.filters[filter]?.last else { return nil }
        let name = value.hasPrefix("/") ? String(value.dropFirst()) : value
        if let entry = entries.first(where: { $0.id == value || $0.name == name }) ?? entries.first(where: { $0.id.hasPrefix(value) }) {
            return entry.id
        }
        throw .notFound("No such container: \(value)")
    }

    /// Whether one entry passes every filter.
    func matches(_ entry: ContainerListEntry) -> Bool {
        let filters = options.filters
        if let names = filters["name"], !names.contains(where: { Self.regexMatch($0, "/" + entry.name) || Self.regexMatch($0, entry.name) }) {
            return false
        }
        if let ids = filters["id"], !ids.contains(where: { Self.regexMatch($0, entry.id) }) { return false }
        if let labels = filters["label"], !labels.allSatisfy({ Self.labelMatch($0, entry.labels) }) { return false }
        if !exitCodes.isEmpty && !(entry.hasStarted && !entry.isRunning && exitCodes.contains(entry.exitCode)) { return false }
        if let states = filters["status"], !states.contains(entry.status) { return false }
        if let ancestorImages, !ancestorImages.contains(entry.imageID) { return false }
        if let volumes = filters["volume"], !volumes.contains(where: { value in
            entry.mounts.contains { $0.Destination == value || ($0.Name ?? $0.Source) == value }
        }) {
            return false
        }
        if let networks = filters["network"], !networks.contains(where: { $0 == entry.networkMode || ($0 == "bridge" && entry.networkMode == "default") }) {
            return false
        }
        return true
    }

    /// Go's regexp.MatchString (unanchored); an invalid pattern matches nothing.
    static func regexMatch(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `key` (present) or `key=value` (equal).
    static func labelMatch(_ filter: String, _ labels: [String: String]) -> Bool {
        let parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let value = labels[parts[0]] else { return false }
        return parts.count == 1 || value == parts[1]
    }
}
