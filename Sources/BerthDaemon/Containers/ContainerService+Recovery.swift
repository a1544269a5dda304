import BerthStore
import Foundation
import LinuxSys

extension ContainerService {
    /// After a start — even after berthd was killed — takes the containers
    /// back: running ones whose shim still answers are watched again (their
    /// logs never stopped, the shim wrote them); ones that exited meanwhile get
    /// their exit recorded and their restart policy applied; a container whose
    /// shim is gone is marked exited (255), as dockerd does.
    public func recover() async {
        guard let rows = try? store.containers() else { return }
        for row in rows {
            guard var state = try? Self.decode(ContainerStateDocument.self, row.state),
                  let config = try? Self.decode(ContainerConfigDocument.self, row.config) else { continue }
            switch state.status {
            case "running", "paused":
                let status = try? ShimControl.request(shimDirectory(row.id) + "/shim.sock", "status")
                if status?.contains("\"running\":true") == true {
                    watchExit(row.id)
                } else {
                    await containerExited(row.id)
                }
            case "restarting":
                scheduleRestartIfNeeded(row, state: state, config: config)
            case "removing":
                try? await remove(row.id, force: true, volumes: false)
            case "exited" where config.hostConfig?.RestartPolicy?.Name == "always" && state.stoppedByUser != true:
                // dockerd starts `always` containers when it starts, even after a daemon stop.
                state.status = "restarting"
                _ = try? store.updateState(id: row.id, state: Self.encode(state))
                pendingRestarts[row.id] = Task { await self.restartNow(row.id) }
            default:
                continue
            }
        }
    }
}

extension ContainerService {
    /// Containers by state, for `/info`.
    public func inventory() -> EngineInventory {
        var counts = EngineInventory()
        for row in (try? store.containers()) ?? [] {
            guard let stored = try? refreshed(row), let state = try? Self.decode(ContainerStateDocument.self, stored.state) else { continue }
            counts.containers += 1
            switch state.status {
            case "running", "restarting": counts.running += 1
            case "paused": counts.paused += 1
            default: counts.stopped += 1
            }
        }
        return counts
    }
}
