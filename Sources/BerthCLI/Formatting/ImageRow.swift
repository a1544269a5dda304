import OCI

/// `images` rows as docker's image formatter names its fields (`Repository`,
/// `Tag`, `Digest`, `ID`, `CreatedSince`, `CreatedAt`, `Size`, …): one row per
/// tag, `<none>` for untagged images.
enum ImageRow {
    static let defaultTable = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
    static let headers = [
        "Repository": "REPOSITORY", "Tag": "TAG", "Digest": "DIGEST", "ID": "IMAGE ID", "CreatedSince": "CREATED",
        "CreatedAt": "CREATED AT", "Size": "SIZE", "Containers": "CONTAINERS", "SharedSize": "SHARED SIZE",
        "UniqueSize": "UNIQUE SIZE", "VirtualSize": "VIRTUAL SIZE",
    ]

    /// The rows for one `/images/json` element.
    static func make(_ item: JSONValue, truncate: Bool, now: Double) -> [JSONValue] {
        var id = item["Id"]?.stringValue ?? ""
        if truncate { id = String((id.hasPrefix("sha256:") ? String(id.dropFirst(7)) : id).prefix(12)) }
        let created = item["Created"]?.int64Value ?? 0
        let size = Double(item["Size"]?.int64Value ?? 0)
        let shared = item["SharedSize"]?.int64Value ?? -1
        let containers = item["Containers"]?.int64Value ?? -1
        var pairs: [(String, String)] = []
        for tag in item["RepoTags"]?.arrayValue ?? [] {
            guard let text = tag.stringValue, text != "<none>:<none>" else { continue }
            pairs.append(ContainerCreator.splitReference(text))
        }
        if pairs.isEmpty {
            let digests = item["RepoDigests"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if let digest = digests.first, let at = digest.firstIndex(of: "@") {
                pairs.append((String(digest[..<at]), "<none>"))
            } else {
                pairs.append(("<none>", "<none>"))
            }
        }
        let digest = item["RepoDigests"]?.arrayValue?.first?.stringValue.flatMap { $0.split(separator: "@").last.map(String.init) } ?? "<none>"
        return pairs.map { repository, tag in
            let fields: [(String, String)] = [
                ("Containers", containers < 0 ? "N/A" : String(containers)),
                ("CreatedAt", TimeFormat.goString(unix: created)),
                ("CreatedSince", Units.humanDuration(seconds: now - Double(created)) + " ago"),
                ("Digest", digest),
                ("ID", id),
                ("Repository", repository),
                ("SharedSize", shared < 0 ? "N/A" : Units.humanSize(Double(shared))),
                ("Size", Units.humanSize(size)),
                ("Tag", tag),
                ("UniqueSize", shared < 0 ? "N/A" : Units.humanSize(size - Double(shared))),
                ("VirtualSize", Units.humanSize(size)),
            ]
            return .object(fields.map { ($0.0, .string($0.1)) })
        }
    }
}
