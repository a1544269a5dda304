import OCI

/// One `ps` row as docker's container formatter names its fields (`ID`,
/// `Image`, `Command`, `CreatedAt`, `RunningFor`, `Ports`, `Status`, `Size`,
/// `Names`, `Labels`, `Mounts`, `Networks`, `State`, `LocalVolumes`), all strings.
enum ContainerRow {
    static let defaultTable = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
    static let headers = [
        "ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT", "RunningFor": "CREATED",
        "Ports": "PORTS", "Status": "STATUS", "Size": "SIZE", "Names": "NAMES", "Labels": "LABELS", "Mounts": "MOUNTS",
        "Networks": "NETWORKS", "State": "STATE", "LocalVolumes": "LOCAL VOLUMES", "Platform": "PLATFORM",
    ]

    /// The row for one `/containers/json` element; `truncate` unless `--no-trunc`.
    static func make(_ item: JSONValue, truncate: Bool, now: Double) -> JSONValue {
        let id = item["Id"]?.stringValue ?? ""
        var image = item["Image"]?.stringValue ?? ""
        if image.isEmpty { image = "<no image>" }
        if truncate, image.hasPrefix("sha256:") { image = String(image.dropFirst(7).prefix(12)) }
        var command = item["Command"]?.stringValue ?? ""
        if truncate { command = ellipsis(command, 20) }
        let created = item["Created"]?.int64Value ?? 0
        var names = (item["Names"]?.arrayValue ?? []).compactMap { $0.stringValue.map { String($0.dropFirst()) } }
        if truncate { names = names.filter { !$0.contains("/") } }
        let labels = (item["Labels"]?.objectValue ?? []).map { "\($0.0)=\(TemplateEvaluator.display($0.1))" }.sorted()
        var mounts: [String] = []
        for mount in item["Mounts"]?.arrayValue ?? [] {
            var name = mount["Name"]?.stringValue ?? ""
            if name.isEmpty { name = mount["Source"]?.stringValue ?? "" }
            if truncate { name = ellipsis(name, 15) }
            mounts.append(name)
        }
        let networks = (item["NetworkSettings"]?["Networks"]?.objectValue ?? []).map(\.0).sorted()
        let localVolumes = (item["Mounts"]?.arrayValue ?? []).filter { $0["Driver"]?.stringValue == "local" }.count
        var size = Units.humanSize(Double(item["SizeRw"]?.int64Value ?? 0))
        if let rootfs = item["SizeRootFs"]?.int64Value, rootfs > 0 {
            size += " (virtual \(Units.humanSize(Double(rootfs))))"
        }
        let fields: [(String, String?)] = [
            ("Command", quote(command)),
            ("CreatedAt", TimeFormat.goString(unix: created)),
            ("ID", truncate ? String(id.prefix(12)) : id),
            ("Image", image),
            ("Labels", labels.joined(separator: ",")),
            ("LocalVolumes", String(localVolumes)),
            ("Mounts", mounts.joined(separator: ",")),
            ("Names", names.joined(separator: ",")),
            ("Networks", networks.joined(separator: ",")),
            ("Platform", nil),
            ("Ports", ports(item["Ports"]?.arrayValue ?? [])),
            ("RunningFor", Units.humanDuration(seconds: now - Double(created)) + " ago"),
            ("Size", size),
            ("State", item["State"]?.stringValue ?? ""),
            ("Status", item["Status"]?.stringValue ?? ""),
        ]
        return .object(fields.map { ($0.0, $0.1.map { .string($0) } ?? .null) })
    }

    /// docker's port column: `0.0.0.0:8080->80/tcp, 443/tcp`.
    static func ports(_ ports: [JSONValue]) -> String {
        var parts: [String] = []
        for port in ports {
            let privatePort = port["PrivatePort"]?.int64Value ?? 0
            let type = port["Type"]?.stringValue ?? "tcp"
            if let publicPort = port["PublicPort"]?.int64Value, publicPort != 0 {
                var ip = port["IP"]?.stringValue ?? ""
                if ip.contains(":") { ip = "[\(ip)]" }
                parts.append("\(ip):\(publicPort)->\(privatePort)/\(type)")
            } else {
                parts.append("\(privatePort)/\(type)")
            }
        }
        var seen = Set<String>()
        return parts.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    /// docker's `Ellipsis`: cut to `width` characters with a trailing `…`.
    static func ellipsis(_ text: String, _ width: Int) -> String {
        let characters = Array(text)
        guard characters.count > width else { return text }
        if width <= 1 { return String(characters.prefix(width)) }
        return String(characters.prefix(width - 1)) + "…"
    }

    /// Go's `strconv.Quote` for the printable text we show.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
