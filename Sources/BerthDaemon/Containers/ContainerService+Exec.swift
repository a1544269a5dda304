import BerthAPI
import BerthStore
import Foundation
import LinuxSys
import BerthRuntime
import OCI

/// An exec instance's configuration (the row's `config` JSON).
struct ExecConfigDocument: Codable, Sendable {
    var args: [String]
    var tty: Bool
    var stdin: Bool
    var stdout: Bool
    var stderr: Bool
    var user: String
    var privileged: Bool
}

/// An exec instance's state (the row's `state` JSON).
struct ExecStateDocument: Codable, Sendable {
    var status: String  // created, running, exited
    var exitCode: Int?
    var pid: Int?
}

extension ContainerService: ExecBackend {
    /// The shim state directory of an exec (short: it holds sockets).
    func execDirectory(_ id: String) -> String { dataRoot + "/x/" + id.prefix(12) }

    public func createExec(_ container: String, _ request: ExecCreateRequest) throws -> String {
        let row = try refreshed(try store.container(container))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        if state.status == "paused" { throw APIError.conflict("Container \(row.id) is paused, unpause the container before exec") }
        guard state.status == "running" else { throw APIError.conflict("Container \(row.id) is not running") }
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        // The container's own process settings, with the exec's changes.
        let specBytes = try FileSystem.read(directory(row.id) + "/bundle/config.json")
        var spec = try Spec(json: try JSONParser.parse(String(decoding: specBytes, as: UTF8.self)))
        guard var process = spec.process else { throw APIError.internalError("the container's config.json has no process") }
        process.args = request.Cmd ?? []
        process.terminal = request.Tty == true
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
        let directory = execDirectory(id)
        try FileSystem.makeDirectories(directory, mode: 0o700)
        if let process = spec.process { try FileSystem.write(directory + "/process.json", process.jsonBytes()) }
        let document = ExecConfigDocument(
            args: request.Cmd ?? [], tty: request.Tty == true, stdin: request.AttachStdin == true,
            stdout: request.AttachStdout == true, stderr: request.AttachStderr == true,
            user: request.User ?? config.user ?? "", privileged: request.Privileged == true)
        try store.insert(ExecRow(id: id, containerID: row.id, config: try Self.encode(document),
                                 state: try Self.encode(ExecStateDocument(status: "created"))))
        events.container("exec_create: " + (request.Cmd ?? []).joined(separator: " "), row, extra: ["execID": id])
        return id
    }

    public func startExec(_ id: String, detach: Bool) throws -> (tty: Bool, connect: @Sendable () async throws -> Int32?)? {
        guard let exec = try store.exec(id) else { throw APIError.notFound("No such exec instance: \(id)") }
        var state = try Self.decode(ExecStateDocument.self, exec.state)
        guard state.status == "created" else { throw APIError.conflict("Error: Exec command \(id) has already run") }
        let config = try Self.decode(ExecConfigDocument.self, exec.config)
        let container = try refreshed(try store.container(exec.containerID))
        guard try Self.decode(ContainerStateDocument.self, container.state).status == "running" else {
            throw APIError.conflict("Container \(container.id) is not running")
        }
        let directory = execDirectory(id)
        var arguments = [
            "--id", container.id, "--bundle", self.directory(container.id) + "/bundle", "--runtime", runtimePath,
            "--runtime-root", dataRoot + "/runtime", "--state-dir", directory, "--log-path", directory + "/exec.log",
            "--log-max-size", "1048576", "--log-max-files", "1", "--exec-process", directory + "/process.json", "--await-start",
        ]
        if config.tty { arguments.append("--tty") }
        if config.stdin && !detach { arguments.append("--stdin") }
        let result = try HelperProcess.run(shimPath, arguments)
        guard result.status == 0 else { throw APIError.internalError(Self.startFailureMessage(result.output)) }
        state.status = "running"
        try store.updateExecState(id: id, state: try Self.encode(state))
        events.container("exec_start: " + config.args.joined(separator: " "), container, extra: ["execID": id])
        let socket = directory + "/shim.sock"
        watchShim(socket) { await self.execExited(id) }
        if detach {
            _ = try? ShimControl.request(socket, "start")
            return nil
        }
        var request = "attach"
        if config.stdin { request += " stdin stdin-once" }
        if config.stdout { request += " stdout" }
        if config.stderr { request += " stderr" }
        return (config.tty, { [request] in
            let stream = try Self.openAttachStream(socket, request: request)
            let reply = (try? ShimControl.request(socket, "start")) ?? #"{"error":"the shim did not answer"}"#
            if reply.contains("\"error\"") {
                close(stream)
                throw APIError.internalError(Self.errorText(reply))
            }
            return stream
        })
    }

    /// Records the exec's exit when its shim reports it, then retires the shim.
    func execExited(_ id: String) {
        guard let exec = try? store.exec(id), var state = try? Self.decode(ExecStateDocument.self, exec.state),
              state.status != "exited" else { return }
        let directory = execDirectory(id)
        let record = (try? FileSystem.readString(directory + "/exit.json")).flatMap { try? JSONParser.parse($0) }
        state.status = "exited"
        state.exitCode = record?["exitCode"]?.int64Value.map { Int($0) } ?? 126
        // The runtime could not start the process (not found, not executable…):
        // dockerd reports 126 for any such exec failure.
        if state.exitCode == 1, Self.runtimeFailedToStart(log: directory + "/exec.log") { state.exitCode = 126 }
        try? store.updateExecState(id: id, state: (try? Self.encode(state)) ?? exec.state)
        _ = try? ShimControl.request(directory + "/shim.sock", "shutdown")
        if let container = try? store.container(exec.containerID) {
            events.container("exec_die", container, extra: ["execID": id, "exitCode": String(state.exitCode ?? 0)])
        }
    }

    /// Whether the exec's last stderr line is the runtime's own error (it
    /// prefixes its messages with its name) rather than the process's.
    static func runtimeFailedToStart(log: String) -> Bool {
        let records = JSONLogReader(path: log).readAll().records
        guard let last = records.last(where: { $0.stream == "stderr" }) else { return false }
        return String(decoding: last.message, as: UTF8.self).hasPrefix("berth-runtime: ")
    }

    public func inspectExec(_ id: String) throws -> ExecInspect {
        guard var exec = try store.exec(id) else { throw APIError.notFound("No such exec instance: \(id)") }
        // The stream can end before the exit watcher has run: read the exit record directly.
        if try Self.decode(ExecStateDocument.self, exec.state).status == "running",
           FileSystem.exists(execDirectory(id) + "/exit.json") {
            execExited(id)
            exec = try store.exec(id) ?? exec
        }
        let state = try Self.decode(ExecStateDocument.self, exec.state)
        let config = try Self.decode(ExecConfigDocument.self, exec.config)
        let pid = (try? FileSystem.readString(execDirectory(id) + "/init.pid")).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return ExecInspect(id: id, running: state.status == "running", exitCode: state.status == "exited" ? state.exitCode : nil,
                           tty: config.tty, args: config.args, privileged: config.privileged, user: config.user,
                           openStdin: config.stdin, openStdout: config.stdout, openStderr: config.stderr,
                           containerID: exec.containerID, pid: pid ?? 0)
    }

    public func resizeExec(_ id: String, height: Int, width: Int) throws {
        guard try store.exec(id) != nil else { throw APIError.notFound("No such exec instance: \(id)") }
        guard let rows = UInt16(exactly: height), let columns = UInt16(exactly: width) else {
            throw APIError.badRequest("invalid terminal size \(height)x\(width)")
        }
        _ = try? ShimControl.request(execDirectory(id) + "/shim.sock", "resize \(rows) \(columns)")
    }
}
