import BerthAPI
import BerthStore
import Foundation

extension ContainerService {
    /// dockerd's back-off: 100 ms, doubling per quick failure, at most a minute;
    /// a run of 10 s or more starts the sequence again.
    static func restartDelay(previous: Duration?, ranFor seconds: Double) -> Duration {
        guard let previous, seconds < 10 else { return .milliseconds(100) }
        return min(previous * 2, .seconds(60))
    }

    /// Whether the policy wants this exit restarted.
    static func shouldRestart(_ config: ContainerConfigDocument, state: ContainerStateDocument) -> Bool {
        guard state.stoppedByUser != true, let policy = config.hostConfig?.RestartPolicy else { return false }
        switch policy.Name ?? "no" {
        case "always", "unless-stopped": return true
        case "on-failure":
            let maximum = policy.MaximumRetryCount ?? 0
            return (state.exitCode ?? 0) != 0 && (maximum == 0 || (state.restartCount ?? 0) < maximum)
        default: return false
        }
    }

    /// Marks the container `restarting` and starts it again after the back-off.
    func scheduleRestartIfNeeded(_ row: ContainerRow, state: ContainerStateDocument, config: ContainerConfigDocument) {
        guard Self.shouldRestart(config, state: state) else {
            restartDelays[row.id] = nil
            return
        }
        let ranFor = Self.unixTime(state.finishedAt ?? "") - Self.unixTime(state.startedAt ?? "")
        let delay = Self.restartDelay(previous: restartDelays[row.id], ranFor: Double(ranFor))
        restartDelays[row.id] = delay
        var restarting = state
        restarting.status = "restarting"
        try? store.updateState(id: row.id, state: (try? Self.encode(restarting)) ?? row.state)
        let id = row.id
        pendingRestarts[id]?.cancel()
        pendingRestarts[id] = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            await self.restartNow(id)
        }
    }

    /// The scheduled restart, unless the container was stopped or removed meanwhile.
    func restartNow(_ id: String) async {
        pendingRestarts[id] = nil
        guard let row = try? store.container(id), var state = try? Self.decode(ContainerStateDocument.self, row.state),
              state.status == "restarting" else { return }
        state.restartCount = (state.restartCount ?? 0) + 1
        var updated = row
        updated.state = (try? Self.encode(state)) ?? row.state
        try? store.updateState(id: id, state: updated.state)
        do {
            try await launch(updated, userStarted: false)
        } catch {
            state.status = "exited"
            state.error = "\(error)"
            try? store.updateState(id: id, state: (try? Self.encode(state)) ?? row.state)
        }
    }

    /// Calls off a pending restart (stop, kill, rm); true if there was one.
    @discardableResult
    func cancelRestart(_ id: String) -> Bool {
        guard let task = pendingRestarts.removeValue(forKey: id) else { return false }
        task.cancel()
        return true
    }
}
