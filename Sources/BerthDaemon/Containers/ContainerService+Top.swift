import BerthAPI
import Foundation
import LinuxSys

/// `docker top`: the host's `ps` filtered to the processes in the container's
/// cgroup, with ps's own columns — as dockerd does it.
extension ContainerService {
    public nonisolated func top(_ idOrName: String, psArguments: String?) async throws -> ContainerTopResponse {
        let found = try await findRunning(idOrName)
        let pids = Set(ContainerCgroup(id: found.id).processes())
        let arguments = (psArguments.flatMap { $0.isEmpty ? nil : $0 } ?? "-ef").split(separator: " ").map(String.init)
        guard let ps = ["/usr/bin/ps", "/bin/ps"].first(where: { FileSystem.exists($0) }) else {
            throw APIError.internalError("ps is not installed on the host (procps)")
        }
        let output = try await Blocking.run { try HelperProcess.run(ps, arguments) }
        guard output.status == 0 else {
            throw APIError.internalError("ps: \(output.output.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return try Self.parsePS(output.output, pids: pids)
    }

    /// ps's table cut into titles and the rows whose PID is one of `pids`; the
    /// last column (the command) keeps its spaces.
    static func parsePS(_ text: String, pids: Set<Int32>) throws -> ContainerTopResponse {
        let lines = text.split(separator: "\n")
        guard let header = lines.first else { throw APIError.internalError("ps printed nothing") }
        let titles = header.split(separator: " ").map(String.init)
        guard let pidColumn = titles.firstIndex(of: "PID") else {
            throw APIError.internalError("Couldn't find PID field in ps output")
        }
        var processes: [[String]] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count > pidColumn, let pid = Int32(fields[pidColumn]), pids.contains(pid) else { continue }
            let fixed = Array(fields.prefix(titles.count - 1))
            let rest = fields.dropFirst(titles.count - 1).joined(separator: " ")
            processes.append(fixed + [rest])
        }
        return ContainerTopResponse(titles: titles, processes: processes)
    }
}
