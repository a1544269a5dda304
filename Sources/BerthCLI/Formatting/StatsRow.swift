import OCI

/// One `stats` row from a stats sample, computed as docker's CLI computes it
/// (CPU % from the cpu/precpu deltas, memory without the page cache).
enum StatsRow {
    static let defaultTable = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}"
    static let headers = [
        "ID": "CONTAINER ID", "Container": "CONTAINER", "Name": "NAME", "CPUPerc": "CPU %", "MemUsage": "MEM USAGE / LIMIT",
        "MemPerc": "MEM %", "NetIO": "NET I/O", "BlockIO": "BLOCK I/O", "PIDs": "PIDS",
    ]

    /// The row for `sample`, shown for the container the user named `container`.
    static func make(_ sample: JSONValue, container: String) -> JSONValue {
        func number(_ value: JSONValue?) -> Double { value?.doubleValue ?? 0 }
        let cpu = sample["cpu_stats"], precpu = sample["precpu_stats"]
        let cpuDelta = number(cpu?["cpu_usage"]?["total_usage"]) - number(precpu?["cpu_usage"]?["total_usage"])
        let systemDelta = number(cpu?["system_cpu_usage"]) - number(precpu?["system_cpu_usage"])
        var online = number(cpu?["online_cpus"])
        if online == 0 { online = Double(cpu?["cpu_usage"]?["percpu_usage"]?.arrayValue?.count ?? 0) }
        let cpuPercent = systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100 : 0
        let memory = sample["memory_stats"]
        var used = number(memory?["usage"])
        let stats = memory?["stats"]
        for key in ["total_inactive_file", "inactive_file"] {
            if let cache = stats?[key]?.doubleValue, cache < used { used -= cache; break }
        }
        let limit = number(memory?["limit"])
        let memPercent = limit > 0 ? used / limit * 100 : 0
        var rx = 0.0, tx = 0.0
        for (_, network) in sample["networks"]?.objectValue ?? [] {
            rx += number(network["rx_bytes"])
            tx += number(network["tx_bytes"])
        }
        var readBytes = 0.0, writeBytes = 0.0
        for entry in sample["blkio_stats"]?["io_service_bytes_recursive"]?.arrayValue ?? [] {
            switch entry["op"]?.stringValue?.lowercased() {
            case "read": readBytes += number(entry["value"])
            case "write": writeBytes += number(entry["value"])
            default: break
            }
        }
        let id = sample["id"]?.stringValue ?? container
        var name = sample["name"]?.stringValue ?? ""
        if name.hasPrefix("/") { name.removeFirst() }
        let fields: [(String, String)] = [
            ("BlockIO", Units.humanSize(readBytes) + " / " + Units.humanSize(writeBytes)),
            ("CPUPerc", Units.formatF(cpuPercent, decimals: 2) + "%"),
            ("Container", container),
            ("ID", String(id.prefix(12))),
            ("MemPerc", Units.formatF(memPercent, decimals: 2) + "%"),
            ("MemUsage", Units.bytesSize(used) + " / " + Units.bytesSize(limit)),
            ("Name", name.isEmpty ? "--" : name),
            ("NetIO", Units.humanSize(rx) + " / " + Units.humanSize(tx)),
            ("PIDs", String(sample["pids_stats"]?["current"]?.int64Value ?? 0)),
        ]
        return .object(fields.map { ($0.0, .string($0.1)) })
    }
}
