import BerthAPI
import BerthImage
import BerthStore
import LinuxSys

extension ContainerService {
    /// Signal names and numbers the runtime accepts (with or without SIG).
    static func validSignal(_ text: String) -> Bool {
        let name = text.uppercased().hasPrefix("SIG") ? String(text.dropFirst(3)) : text.uppercased()
        if let number = Int(name) { return (1...64).contains(number) }
        let known: Set<String> = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
                                  "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
                                  "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS"]
        return known.contains(name) || name.hasPrefix("RTMIN") || name.hasPrefix("RTMAX")
    }

    public func kill(_ idOrName: String, signal: String) throws {
        guard Self.validSignal(signal) else { throw APIError.badRequest("Invalid signal: \(signal)") }
        let row = try refreshed(try store.container(idOrName))
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        if state.status == "restarting", cancelRestart(row.id) {
            state.status = "exited"
            state.stoppedByUser = true
            try store.updateState(id: row.id, state: try Self.encode(state))
            return
        }
        guard state.status == "running" || state.status == "paused" else {
            throw APIError.conflict("Cannot kill container: \(idOrName): Container \(row.id) is not running")
        }
        let name = signal.uppercased().hasPrefix("SIG") ? String(signal.uppercased().dropFirst(3)) : signal.uppercased()
        if name == "KILL" || name == "9" || name == "TERM" || name == "15" {
            state.stoppedByUser = true
            try store.updateState(id: row.id, state: try Self.encode(state))
        }
        events.container("kill", row, extra: ["signal": name])
        let reply = try ShimControl.request(shimDirectory(row.id) + "/shim.sock", "kill \(name)")
        if reply.contains("\"error\"") { throw APIError.internalError(Self.errorText(reply)) }
    }

    public func stop(_ idOrName: String, timeout: Int?, signal: String?) async throws {
        let row = try refreshed(try store.container(idOrName))
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        if state.status == "restarting", cancelRestart(row.id) {
            state.status = "exited"
            state.stoppedByUser = true
            try store.updateState(id: row.id, state: try Self.encode(state))
            events.container("stop", row)
            return
        }
        guard state.status == "running" || state.status == "paused" else { throw APIError.notModified }
        let stopSignal = signal.flatMap { $0.isEmpty ? nil : $0 } ?? config.stopSignal ?? "TERM"
        guard Self.validSignal(stopSignal) else { throw APIError.badRequest("Invalid signal: \(stopSignal)") }
        let exited = try wait(row.id, condition: "not-running")
        try kill(row.id, signal: stopSignal)
        if state.status == "paused" { _ = try? HelperProcess.run(runtimePath, ["--root", dataRoot + "/runtime", "resume", row.id]) }
        let grace = timeout ?? config.stopTimeout ?? 10
        let inTime = await Self.race(exited, seconds: grace < 0 ? nil : grace)
        if !inTime {
            try? kill(row.id, signal: "KILL")
            _ = await exited()
        }
        events.container("stop", row)
    }

    /// Whether `waiting` finished within `seconds` (nil: no limit).
    static func race(_ waiting: @escaping @Sendable () async -> Int, seconds: Int?) async -> Bool {
        guard let seconds else {
            _ = await waiting()
            return true
        }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = await waiting()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    public func restart(_ idOrName: String, timeout: Int?, signal: String?) async throws {
        let row = try store.container(idOrName)
        do { try await stop(row.id, timeout: timeout, signal: signal) } catch let error as APIError where error.statusCode == 304 {}
        try await start(row.id)
        events.container("restart", row)
    }

    public func remove(_ idOrName: String, force: Bool, volumes: Bool) async throws {
        try await remove(idOrName, force: force, volumes: volumes, afterExit: false)
    }

    /// Removes a container. `afterExit` (auto-remove of a container that just
    /// exited and was not yet cleaned up): the container disappears from the
    /// API and `removed` waiters are answered first, then its run-time
    /// resources and files go — `docker run --rm` returns a few ms sooner.
    func remove(_ idOrName: String, force: Bool, volumes: Bool, afterExit: Bool) async throws {
        let row = try refreshed(try store.container(idOrName))
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        if state.status == "removing" { throw APIError.conflict("removal of container \(row.id) is already in progress") }
        let active = ["running", "paused", "restarting"].contains(state.status)
        if active && !force {
            throw APIError.conflict("cannot remove container \"/\(row.name)\": container is running: stop the container before removing or force remove")
        }
        cancelRestart(row.id)
        let wasPaused = state.status == "paused"
        let wasRunning = state.status == "running" || wasPaused
        state.status = "removing"
        state.stoppedByUser = true
        try store.updateState(id: row.id, state: try Self.encode(state))
        if wasRunning {
            let exited = try wait(row.id, condition: "next-exit")
            _ = try? ShimControl.request(shimDirectory(row.id) + "/shim.sock", "kill KILL")
            if wasPaused {
                _ = try? HelperProcess.run(runtimePath, ["--root", dataRoot + "/runtime", "resume", row.id])
            }
            if !(await Self.race(exited, seconds: 15)) {
                _ = try? HelperProcess.run(runtimePath, ["--root", dataRoot + "/runtime", "kill", "--all", row.id, "KILL"])
            }
        }
        let base = directory(row.id)
        let config = try? Self.decode(ContainerConfigDocument.self, row.config)
        func cleanUp() throws {
            // An exited container's runtime state went when it exited (containerExited), unless this is that exit's auto-remove.
            releaseRunResources(row.id, deleteFromRuntime: afterExit || !FileSystem.exists(shimDirectory(row.id) + "/exit.json"))
            try? FileSystem.removeTree(shimDirectory(row.id))
            try FileSystem.removeTree(base)
            if let config, volumes || config.hostConfig?.AutoRemove == true { removeAnonymousVolumes(config, containerID: row.id) }
        }
        if !afterExit { try cleanUp() }
        try store.deleteContainer(id: row.id)
        abandonPendingAttaches(row.id)
        events.container("destroy", row)
        resolveWaiters(row.id, code: state.exitCode ?? 0, removal: true)
        restartDelays[row.id] = nil
        specCache[row.id] = nil
        inspectCache[row.id] = nil
        forgetExecs(of: row.id)
        if afterExit { try cleanUp() }
    }
}
