import BerthAPI
import Foundation
import LinuxSys

/// `docker stats`: samples of the container's cgroup, each carrying the one
/// before it as `precpu_stats` so the CLI can compute CPU %. The actor is used
/// only to find the container; sampling and sleeping happen in the body.
extension ContainerService {
    public nonisolated func stats(_ idOrName: String, stream: Bool, oneShot: Bool) async throws -> BodyProducer {
        let found = try await find(idOrName)
        let id = found.id
        let name = found.row.name
        let cgroup = ContainerCgroup(id: id)
        let exitRecord = dataRoot + "/s/" + id.prefix(12) + "/exit.json"
        let running = found.isRunning
        return { writer in
            @Sendable func stopped() -> Bool { FileSystem.exists(exitRecord) || !cgroup.exists }
            guard running, !stopped() else {
                // dockerd's answer for a container that is not running: an empty sample.
                let empty = ContainerStats(
                    read: ContainerCgroup.zeroTime, preread: ContainerCgroup.zeroTime, pids: .init(), blkio: .init(),
                    cpu: .init(), precpu: .init(), memory: .init(), name: "/" + name, id: id)
                try await writer.writeJSONLine(empty)
                return
            }
            var previous: ContainerStats?
            if !stream && !oneShot {
                previous = cgroup.sample(id: id, name: name, read: Self.now())
                try await Task.sleep(for: .seconds(1))
            }
            while true {
                var sample = cgroup.sample(id: id, name: name, read: Self.now())
                if let previous {
                    sample.precpu_stats = previous.cpu_stats
                    sample.preread = previous.read
                }
                try await writer.writeJSONLine(sample)
                if !stream || stopped() { return }
                previous = sample
                try await Task.sleep(for: .seconds(1))
            }
        }
    }
}
