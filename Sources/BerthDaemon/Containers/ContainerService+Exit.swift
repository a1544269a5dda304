import BerthAPI
import BerthImage
import BerthStore
import Foundation
import LinuxSys

/// What `POST /containers/{id}/wait?condition=` waits for.
enum WaitCondition: String {
    case notRunning = "not-running"
    case nextExit = "next-exit"
    case removed
}

/// A `wait` caller: resolved with the exit code when its condition holds.
struct ExitWaiter {
    let condition: WaitCondition
    let continuation: AsyncStream<Int>.Continuation
}

extension ContainerService {
    /// Watches the container's shim for the exit (once per run).
    func watchExit(_ id: String) {
        guard !watched.contains(id) else { return }
        watched.insert(id)
        watchShim(shimDirectory(id) + "/shim.sock") { await self.containerExited(id) }
    }

    /// Runs `then` once the shim at `socket` reports its process's exit (or goes away).
    nonisolated func watchShim(_ socket: String, request: String = "wait", then: @escaping @Sendable () async -> Void) {
        let group = watchGroup
        Task {
            await ShimExitWatcher.waitForExit(socketPath: socket, request: request, group: group)
            await then()
        }
    }

    /// The shim reported the exit (or vanished): record it, tell waiters,
    /// emit `die`, then auto-remove or apply the restart policy.
    func containerExited(_ id: String) async {
        watched.remove(id)
        guard let stored = try? store.container(id), var row = try? refreshed(stored),
              var state = try? Self.decode(ContainerStateDocument.self, row.state) else { return }
        if state.status == "running" || state.status == "paused" {
            // No exit record: is the shim still there (a spurious wake-up)?
            if (try? ShimControl.request(shimDirectory(id) + "/shim.sock", "status"))?.contains("\"running\":true") == true {
                watchExit(id)
                return
            }
            state.status = "exited"
            state.exitCode = 255
            state.finishedAt = Self.now()
            state.pid = 0
            row.state = (try? Self.encode(state)) ?? row.state
            try? store.updateState(id: id, state: row.state)
        }
        let code = state.exitCode ?? 0
        if state.oomKilled == true { events.container("oom", row) }
        events.container("die", row, extra: ["exitCode": String(code)])
        let config = try? Self.decode(ContainerConfigDocument.self, row.config)
        let autoRemove = config?.hostConfig?.AutoRemove == true && state.status != "removing"
        if !autoRemove { releaseRunResources(id) }
        resolveWaiters(id, code: code, removal: false)
        guard let config else { return }
        if autoRemove {
            try? await remove(id, force: true, volumes: false, afterExit: true)
            return
        }
        scheduleRestartIfNeeded(row, state: state, config: config)
    }

    /// Frees what only a running container needs: the runtime's state and
    /// cgroup, the shim, the mounted root (the upper dir keeps the changes).
    func releaseRunResources(_ id: String, deleteFromRuntime: Bool = true) {
        if deleteFromRuntime {
            _ = try? HelperProcess.run(runtimePath, ["--root", dataRoot + "/runtime", "delete", "--force", id])
        }
        _ = try? ShimControl.request(shimDirectory(id) + "/shim.sock", "shutdown")
        try? OverlayMount.unmount(directory(id) + "/rootfs")
    }

    /// Hands `code` to the waiters whose condition now holds.
    func resolveWaiters(_ id: String, code: Int, removal: Bool) {
        guard var waiters = exitWaiters[id] else { return }
        waiters.removeAll { waiter in
            guard removal || waiter.condition != .removed else { return false }
            waiter.continuation.yield(code)
            waiter.continuation.finish()
            return true
        }
        exitWaiters[id] = waiters.isEmpty ? nil : waiters
    }

    /// Registers a waiter now (so an exit right after cannot be missed) and
    /// returns what awaits its answer.
    public func wait(_ idOrName: String, condition text: String?) throws -> @Sendable () async -> Int {
        guard let condition = WaitCondition(rawValue: text.flatMap { $0.isEmpty ? nil : $0 } ?? "not-running") else {
            throw APIError.badRequest("invalid condition: \"\(text ?? "")\"")
        }
        let row = try refreshed(try store.container(idOrName))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        let active = ["running", "paused", "restarting"].contains(state.status)
        if condition == .notRunning && !active {
            let code = state.exitCode ?? 0
            return { code }
        }
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        exitWaiters[row.id, default: []].append(ExitWaiter(condition: condition, continuation: continuation))
        return {
            for await code in stream { return code }
            return -1
        }
    }
}
