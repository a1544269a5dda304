import BerthAPI
import BerthStore
import Foundation
import LinuxSys
import BerthRuntime
import OCI

/// An exec instance's configuration.
struct ExecConfigDocument: Sendable {
    var args: [String]
    var tty: Bool
    var stdin: Bool
    var stdout: Bool
    var stderr: Bool
    var user: String
    var privileged: Bool
    /// The OCI process to run (the container's own, with the exec's changes), as JSON.
    var process: String?
    /// `--detach-keys` for this exec ("" or nil: ctrl-p,ctrl-q).
    var detachKeys: String?
}

/// An exec instance's state.
struct ExecStateDocument: Sendable {
    var status: String  // created, running, exited
    var exitCode: Int?
    var pid: Int?
}

/// One `docker exec` instance. Kept in memory, as dockerd keeps them: an
/// exec is a short-lived handle, gone with its container or a daemon restart.
struct ExecInstance: Sendable {
    let id: String
    let containerID: String
    let config: ExecConfigDocument
    var state: ExecStateDocument
    /// Creation order, to forget the oldest finished ones first.
    let serial: Int
}

/// `docker exec` runs in the container's own shim (as containerd's shim
/// does): berthd writes the process to `<data-root>/x/<id12>/process.json`
/// and sends the shim `exec <id12> …` on a connection that becomes the
/// stream; the shim writes exit.json there before the stream ends and
/// answers `wait-exec <id12>` then. No process is started for the exec but
/// the runtime's `exec` itself.
extension ContainerService: ExecBackend {
    /// The directory an exec's process.json, init.pid and exit.json live in while it runs.
    func execDirectory(_ id: String) -> String { dataRoot + "/x/" + Self.execKey(id) }

    /// The exec's name in its shim's requests (and its directory's).
    static func execKey(_ id: String) -> String { String(id.prefix(12)) }

    public func createExec(_ container: String, _ request: ExecCreateRequest) throws -> String {
        let row = try refreshed(try store.container(container))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        if state.status == "paused" { throw APIError.conflict("Container \(row.id) is paused, unpause the container before exec") }
        guard state.status == "running" else { throw APIError.conflict("Container \(row.id) is not running") }
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        // The container's own process settings, with the exec's changes.
        var spec = try runningSpec(row.id)
        guard var process = spec.process else { throw APIError.internalError("the container's config.json has no process") }
        process.args = request.Cmd ?? []
        process.terminal = request.Tty == true
        process.consoleSize = nil
        process.env = Self.mergeEnvironment(process.env ?? [], request.Env ?? [])
        if let cwd = request.WorkingDir, !cwd.isEmpty { process.cwd = cwd }
        spec.process = process
        if let user = request.User, !user.isEmpty {
            try ContainerSpecBuilder.applyUser(user, groupAdd: [], rootfs: directory(row.id) + "/rootfs", to: &spec)
        }
        if request.Privileged == true {
            let all = CapabilityRules.available()
            spec.process?.capabilities = Capabilities(bounding: all, effective: all, inheritable: nil, permitted: all, ambient: nil)
        }
        let id = Self.newID()
        let document = ExecConfigDocument(
            args: request.Cmd ?? [], tty: request.Tty == true, stdin: request.AttachStdin == true,
            stdout: request.AttachStdout == true, stderr: request.AttachStderr == true,
            user: request.User ?? config.user ?? "", privileged: request.Privileged == true,
            process: spec.process.map { String(decoding: $0.jsonBytes(), as: UTF8.self) }, detachKeys: request.DetachKeys)
        execSerial += 1
        rememberExec(ExecInstance(id: id, containerID: row.id, config: document, state: ExecStateDocument(status: "created"),
                                  serial: execSerial))
        events.container("exec_create: " + (request.Cmd ?? []).joined(separator: " "), row, extra: ["execID": id])
        return id
    }

    /// The running container's config.json, parsed once per start (execs reuse it).
    func runningSpec(_ id: String) throws -> Spec {
        let path = directory(id) + "/bundle/config.json"
        guard let info = FileSystem.statIfExists(path) else { throw APIError.internalError("the container's config.json is gone") }
        let stamp = SpecStamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                              modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        if let cached = specCache[id], cached.stamp == stamp { return cached.spec }
        let bytes = try FileSystem.read(path)
        let spec = try Spec(json: try JSONParser.parse(String(decoding: bytes, as: UTF8.self)))
        specCache[id] = (stamp, spec)
        return spec
    }

    public func startExec(_ id: String, detach: Bool) throws
        -> (tty: Bool, detachKeys: [UInt8], connect: @Sendable () async throws -> Int32?)? {
        guard var exec = execInstances[id] else { throw APIError.notFound("No such exec instance: \(id)") }
        guard exec.state.status == "created" else { throw APIError.conflict("Error: Exec command \(id) has already run") }
        let config = exec.config
        let container = try refreshed(try store.container(exec.containerID))
        guard try Self.decode(ContainerStateDocument.self, container.state).status == "running" else {
            throw APIError.conflict("Container \(container.id) is not running")
        }
        guard let process = config.process else { throw APIError.internalError("exec \(id) has no process") }
        let directory = execDirectory(id)
        try? FileSystem.removeTree(directory)
        try FileSystem.makeDirectories(directory, mode: 0o700)
        try FileSystem.write(directory + "/process.json", Array(process.utf8))
        exec.state.status = "running"
        execInstances[id] = exec
        events.container("exec_start: " + config.args.joined(separator: " "), container, extra: ["execID": id])
        let socket = shimDirectory(container.id) + "/shim.sock"
        let key = Self.execKey(id)
        var request = "exec " + key + (config.tty ? " tty" : "")
        if !detach {
            if config.stdin { request += " stdin stdin-once" }
            if config.stdout { request += " stdout" }
            if config.stderr { request += " stderr" }
        }
        let keys = DetachKeys.parse(config.detachKeys) ?? DetachKeys.standard
        // Watched once the shim has the exec (a `wait-exec` before it would find nothing).
        let watch = "wait-exec " + key
        if detach || !(config.stdin || config.stdout || config.stderr) {
            do { close(try Self.openAttachStream(socket, request: request)) } catch {
                execExited(id)
                throw error
            }
            watchShim(socket, request: watch) { await self.execExited(id) }
            return detach ? nil : (config.tty, keys, { nil })
        }
        return (config.tty, keys, { [request] in
            let stream: Int32
            do {
                stream = try Self.openAttachStream(socket, request: request)
            } catch {
                await self.execExited(id)
                throw error
            }
            self.watchShim(socket, request: watch) { await self.execExited(id) }
            return stream
        })
    }

    /// Records the exec's exit once its shim reports it (or the shim is
    /// gone: 126 when it never started, as dockerd), then drops its directory.
    func execExited(_ id: String) {
        guard var exec = execInstances[id], exec.state.status != "exited" else { return }
        var state = exec.state
        let directory = execDirectory(id)
        let record = (try? FileSystem.readString(directory + "/exit.json")).flatMap { try? JSONParser.parse($0) }
        state.status = "exited"
        state.pid = Self.execPID(directory) ?? state.pid
        // No record: the shim is gone — with the process if it had started (killed), else it never ran.
        state.exitCode = record?["exitCode"]?.int64Value.map { Int($0) } ?? (state.pid == nil ? 126 : 137)
        exec.state = state
        execInstances[id] = exec
        try? FileSystem.removeTree(directory)
        if let container = try? store.container(exec.containerID) {
            events.container("exec_die", container, extra: ["execID": id, "exitCode": String(state.exitCode ?? 0)])
        }
    }

    /// Finished execs kept per container for inspect; older ones are forgotten.
    static let finishedExecsKept = 128

    /// Adds an exec, forgetting the container's oldest finished ones beyond `finishedExecsKept`.
    private func rememberExec(_ exec: ExecInstance) {
        let finished = execInstances.values.filter { $0.containerID == exec.containerID && $0.state.status == "exited" }
        if finished.count >= Self.finishedExecsKept {
            for old in finished.sorted(by: { $0.serial < $1.serial }).prefix(finished.count - Self.finishedExecsKept + 1) {
                execInstances[old.id] = nil
            }
        }
        execInstances[exec.id] = exec
    }

    /// Forgets a removed container's execs.
    func forgetExecs(of containerID: String) {
        execInstances = execInstances.filter { $0.value.containerID != containerID }
    }

    /// The exec's process id, from the runtime's pid file.
    static func execPID(_ directory: String) -> Int? {
        (try? FileSystem.readString(directory + "/init.pid")).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    public func inspectExec(_ id: String) throws -> ExecInspect {
        guard var exec = execInstances[id] else { throw APIError.notFound("No such exec instance: \(id)") }
        // The stream can end before the exit watcher has run: read the exit record directly.
        if exec.state.status == "running", FileSystem.exists(execDirectory(id) + "/exit.json") {
            execExited(id)
            exec = execInstances[id] ?? exec
        }
        let state = exec.state
        let config = exec.config
        let pid = state.status == "running" ? Self.execPID(execDirectory(id)) : state.pid
        return ExecInspect(id: id, running: state.status == "running", exitCode: state.status == "exited" ? state.exitCode : nil,
                           tty: config.tty, args: config.args, privileged: config.privileged, user: config.user,
                           openStdin: config.stdin, openStdout: config.stdout, openStderr: config.stderr,
                           containerID: exec.containerID, pid: pid ?? 0, detachKeys: config.detachKeys ?? "")
    }

    public func resizeExec(_ id: String, height: Int, width: Int) throws {
        guard let exec = execInstances[id] else { throw APIError.notFound("No such exec instance: \(id)") }
        guard let rows = UInt16(exactly: height), let columns = UInt16(exactly: width) else {
            throw APIError.badRequest("invalid terminal size \(height)x\(width)")
        }
        _ = try? ShimControl.request(shimDirectory(exec.containerID) + "/shim.sock", "resize \(rows) \(columns) \(Self.execKey(id))")
    }
}

/// Identifies one version of a config.json file (a restart or `update` rewrites it).
struct SpecStamp: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var modified: Int64
}
