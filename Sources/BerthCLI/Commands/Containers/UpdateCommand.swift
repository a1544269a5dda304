import ArgumentParser
import OCI

/// `berth update`: change a container's resource limits and restart policy.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Update configuration of one or more containers")

    @Option(name: [.customShort("m"), .long], help: "Memory limit") var memory: String?
    @Option(name: .customLong("memory-swap"), parsing: .unconditional, help: "Swap limit equal to memory plus swap") var memorySwap: String?
    @Option(name: .customLong("memory-reservation"), help: "Memory soft limit") var memoryReservation: String?
    @Option(name: .long, help: "Number of CPUs") var cpus: String?
    @Option(name: [.customShort("c"), .customLong("cpu-shares")], help: "CPU shares (relative weight)") var cpuShares: Int64?
    @Option(name: .customLong("cpu-quota"), help: "Limit CPU CFS quota") var cpuQuota: Int64?
    @Option(name: .customLong("cpu-period"), help: "Limit CPU CFS period") var cpuPeriod: Int64?
    @Option(name: .customLong("cpuset-cpus"), help: "CPUs in which to allow execution") var cpusetCpus: String?
    @Option(name: .customLong("pids-limit"), parsing: .unconditional, help: "Tune container pids limit (set -1 for unlimited)") var pidsLimit: Int64?
    @Option(name: .long, help: "Restart policy to apply when a container exits") var restart: String?
    @Argument(help: "CONTAINER") var containers: [String] = []

    func validate() throws {
        if containers.isEmpty { throw ValidationError("\"update\" requires at least 1 argument.") }
    }

    /// The update body: every resource field, zero or null when unset, as docker sends it.
    func body() throws(CLIError) -> JSONValue {
        let resources = try ResourceFlags(memory: memory, memorySwap: memorySwap, memoryReservation: memoryReservation, cpus: cpus)
        var fields: [(String, JSONValue)] = [
            ("CpuShares", .number(String(cpuShares ?? 0))),
            ("Memory", .number(String(resources.memory))),
            ("NanoCpus", .number(String(resources.nanoCpus))),
            ("CgroupParent", .string("")),
            ("BlkioWeight", .number("0")),
            ("CpuPeriod", .number(String(cpuPeriod ?? 0))),
            ("CpuQuota", .number(String(cpuQuota ?? 0))),
            ("CpusetCpus", .string(cpusetCpus ?? "")),
            ("CpusetMems", .string("")),
            ("MemoryReservation", .number(String(resources.memoryReservation))),
            ("MemorySwap", .number(String(resources.memorySwap))),
            ("MemorySwappiness", .null),
            ("PidsLimit", pidsLimit.map { .number(String($0)) } ?? .null),
        ]
        if let restart {
            fields.append(("RestartPolicy", try CreateBody.restartPolicy(restart)))
        } else {
            fields.append(("RestartPolicy", .object([("Name", .string("")), ("MaximumRetryCount", .number("0"))])))
        }
        return .object(fields)
    }

    func run() throws {
        let client = APIClient()
        let body = try body()
        try NameLoop.run(containers) { name in
            let result = try client.json("POST", APIClient.containerPath(name) + "/update", body: body)
            for warning in result["Warnings"]?.arrayValue ?? [] {
                if let text = warning.stringValue { Output.error("WARNING: \(text)") }
            }
        }
    }
}
