import BerthAPI
import Foundation

extension ContainerService {

    public func list(all: Bool) throws -> [ContainerSummary] {
        try store.containers().compactMap { stored -> ContainerSummary? in
            let row = try refreshed(stored)
            let state = try Self.decode(ContainerStateDocument.self, row.state)
            if !all && state.status != "running" && state.status != "paused" { return nil }
            let config = try Self.decode(ContainerConfigDocument.self, row.config)
            let status = state.status == "running" ? "Up" : state.status == "paused" ? "Up (Paused)"
                : state.status == "exited" ? "Exited (\(state.exitCode ?? 0))" : "Created"
            return ContainerSummary(id: row.id, name: row.name, image: row.image, imageID: config.imageID,
                                    command: config.args.joined(separator: " "), created: Self.unixTime(row.created),
                                    state: state.status, status: status, labels: config.labels)
        }.reversed()
    }

    public func inspect(_ idOrName: String) throws -> [UInt8] {
        let row = try refreshed(try store.container(idOrName))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        let document: [String: Any] = [
            "Id": row.id, "Name": "/" + row.name, "Created": row.created, "Image": config.imageID,
            "Path": config.args.first ?? "", "Args": Array(config.args.dropFirst()),
            "State": [
                "Status": state.status, "Running": state.status == "running" || state.status == "paused",
                "Paused": state.status == "paused", "Restarting": false,
                "OOMKilled": false, "Dead": false, "Pid": Int(state.pid ?? 0), "ExitCode": state.exitCode ?? 0, "Error": "",
                "StartedAt": state.startedAt ?? "0001-01-01T00:00:00Z", "FinishedAt": state.finishedAt ?? "0001-01-01T00:00:00Z",
            ],
            "Config": [
                "Hostname": config.hostname, "Env": config.env, "Cmd": config.args, "Image": config.imageName,
                "WorkingDir": config.workingDir, "Labels": config.labels,
            ],
            "LogPath": directory(row.id) + "/container.log",
            "HostConfig": [
                "LogConfig": ["Type": "json-file", "Config": [String: String]()],
                "Memory": config.resources?.memory ?? 0, "MemorySwap": config.resources?.memorySwap ?? 0,
                "NanoCpus": config.resources?.nanoCPUs ?? 0, "CpuShares": config.resources?.cpuShares ?? 0,
                "PidsLimit": config.resources?.pidsLimit ?? 0, "ReadonlyRootfs": config.readonlyRootfs ?? false,
            ],
        ]
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}
