import BerthAPI
import BerthImage
import BerthRuntime
import BerthStore
import Foundation
import LinuxSys
import NIOPosix
import OCI

/// berthd's container service: create merges the request with the image,
/// start mounts the overlay, writes the OCI bundle and hands the container to
/// a detached berth-shim, which outlives berthd; attach, wait, logs, kill,
/// stop and remove go through the shim's socket and files. Exits arrive from a
/// watcher on each shim and drive waiters, auto-remove and restart policies.
/// An actor: one container operation at a time.
public actor ContainerService: ContainerBackend {
    let images: ImageStore
    let store: MetadataStore
    let dataRoot: String
    let runtimePath: String
    let shimPath: String
    let events: EventLog
    /// One thread watching every shim's socket for its container's exit.
    let watchGroup: MultiThreadedEventLoopGroup
    /// Attach clients waiting for the container's next start.
    var pendingAttaches: [String: [PendingAttach]] = [:]
    /// `wait` callers, by container id.
    var exitWaiters: [String: [ExitWaiter]] = [:]
    /// Containers whose shim is being watched (so one exit is handled once).
    var watched: Set<String> = []
    /// Scheduled restarts (restart policy back-off), by container id.
    var pendingRestarts: [String: Task<Void, Never>] = [:]
    /// The last back-off per container, doubled on each quick failure.
    var restartDelays: [String: Duration] = [:]
    /// Running containers' parsed config.json, for exec (re-read when the file changes).
    var specCache: [String: (stamp: SpecStamp, spec: Spec)] = [:]
    /// Encoded inspect documents, valid while the container's row is unchanged.
    var inspectCache: [String: (row: ContainerRow, json: [UInt8])] = [:]
    /// `docker exec` instances by id (in memory, as dockerd's).
    var execInstances: [String: ExecInstance] = [:]
    /// Numbers execs in creation order.
    var execSerial = 0

    public init(images: ImageStore, store: MetadataStore, dataRoot: String, runtimePath: String, shimPath: String, events: EventLog) throws {
        self.images = images
        self.dataRoot = dataRoot
        self.runtimePath = runtimePath
        self.shimPath = shimPath
        self.events = events
        try FileSystem.makeDirectories(dataRoot + "/containers", mode: 0o700)
        self.store = store
        watchGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    func directory(_ id: String) -> String { dataRoot + "/containers/" + id }

    /// The shim's state directory: short, because it holds Unix sockets
    /// (108-byte path limit) — `<data-root>/s/<12-hex id>`.
    func shimDirectory(_ id: String) -> String { dataRoot + "/s/" + id.prefix(12) }

    // MARK: - Create and start

    public func create(_ request: ContainerCreateRequest, name: String?) throws -> String {
        guard let imageName = request.Image, !imageName.isEmpty else { throw APIError.badRequest("config cannot be empty in order to create a container") }
        if let name, !Self.isValidName(name) {
            throw APIError.badRequest("Invalid container name (\(name)), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
        }
        let imageID = try images.resolve(imageName)
        let image = try images.image(imageID).config.config ?? ContainerConfig()
        let entrypoint = request.Entrypoint ?? image.entrypoint ?? []
        let cmd = request.Cmd ?? (request.Entrypoint == nil ? image.cmd : nil) ?? []
        let args = entrypoint + cmd
        guard !args.isEmpty else { throw APIError.badRequest("no command specified") }
        let id = Self.newID()
        let host = request.HostConfig
        let resources = try Self.resources(host)
        try Self.validate(host, volumes: request.Volumes)
        let config = ContainerConfigDocument(
            imageID: imageID.description, imageName: imageName, args: args,
            env: Self.mergeEnvironment(image.env ?? ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], request.Env ?? []),
            workingDir: request.WorkingDir.flatMap { $0.isEmpty ? nil : $0 } ?? image.workingDir.flatMap { $0.isEmpty ? nil : $0 } ?? "/",
            hostname: request.Hostname.flatMap { $0.isEmpty ? nil : $0 } ?? String(id.prefix(12)),
            labels: (image.labels ?? [:]).merging(request.Labels ?? [:]) { $1 },
            resources: resources, readonlyRootfs: host?.ReadonlyRootfs,
            entrypoint: entrypoint.isEmpty ? nil : entrypoint, cmd: cmd.isEmpty ? nil : cmd,
            domainname: request.Domainname, user: request.User.flatMap { $0.isEmpty ? nil : $0 } ?? image.user.flatMap { $0.isEmpty ? nil : $0 },
            tty: request.Tty, openStdin: request.OpenStdin, stdinOnce: request.StdinOnce,
            attachStdin: request.AttachStdin, attachStdout: request.AttachStdout, attachStderr: request.AttachStderr,
            stopSignal: request.StopSignal.flatMap { $0.isEmpty ? nil : $0 } ?? image.stopSignal,
            stopTimeout: request.StopTimeout, exposedPorts: request.ExposedPorts, volumes: Self.declaredVolumes(image.volumes, request.Volumes), hostConfig: host)
        let row = ContainerRow(id: id, name: name ?? Self.generatedName(id), image: imageName, created: Self.now(),
                               config: try Self.encode(config), state: try Self.encode(ContainerStateDocument(status: "created")))
        try store.insert(row)
        events.container("create", row)
        return id
    }

    public func start(_ idOrName: String) async throws {
        let row = try refreshed(try store.container(idOrName))
        let state = try Self.decode(ContainerStateDocument.self, row.state)
        if state.status == "running" || state.status == "paused" { throw APIError.notModified }
        pendingRestarts.removeValue(forKey: row.id)?.cancel()
        do {
            try await launch(row, userStarted: true)
        } catch {
            // Clients attached for this start get end-of-stream; --rm removes
            // the container (the CLI waits for that before reporting the error).
            abandonPendingAttaches(row.id)
            let config = try? Self.decode(ContainerConfigDocument.self, row.config)
            if config?.hostConfig?.AutoRemove == true { try? await remove(row.id, force: true, volumes: true) }
            throw error
        }
    }

    /// Starts a created or exited container: overlay, bundle, shim (which
    /// stops after the runtime's create), then the attach clients waiting for
    /// this start, then the runtime's start — so they see every byte.
    func launch(_ row: ContainerRow, userStarted: Bool) async throws {
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        let base = directory(row.id)
        let shim = shimDirectory(row.id)
        if state.status != "created" {
            // A restart: retire the previous run's shim and runtime state first.
            _ = try? ShimControl.request(shim + "/shim.sock", "shutdown")
            _ = try? HelperProcess.run(runtimePath, ["--root", dataRoot + "/runtime", "delete", "--force", row.id])
        }
        try? FileSystem.removeTree(shim)
        try FileSystem.makeDirectories(shim, mode: 0o700)
        // The upper dir is the merged root's top: 0755, as overlay2 makes it, or non-root users cannot enter /.
        for part in ["upper", "work", "rootfs", "bundle"] { try FileSystem.makeDirectories(base + "/" + part, mode: part == "upper" ? 0o755 : 0o700) }
        guard let imageID = Digest(config.imageID), let top = try images.image(imageID).metadata.topLayer else {
            throw APIError.internalError("image \(config.imageID) of the container is gone")
        }
        if !mountPoints().contains(base + "/rootfs") {
            try OverlayMount.mount(store: images.layers, top: top, upper: base + "/upper", work: base + "/work", target: base + "/rootfs")
        }
        let spec = try ContainerSpecBuilder.make(config, id: row.id, rootfs: base + "/rootfs", host: specHost)
        try FileSystem.write(base + "/bundle/config.json", spec.jsonBytes(pretty: true))
        var arguments = [
            "--id", row.id, "--bundle", base + "/bundle", "--runtime", runtimePath, "--runtime-root", dataRoot + "/runtime",
            "--state-dir", shim, "--log-path", base + "/container.log", "--await-start", "--exec-root", dataRoot + "/x",
        ]
        arguments += try Self.logArguments(config.hostConfig?.LogConfig)
        if config.tty == true { arguments.append("--tty") }
        if config.openStdin == true { arguments.append("--stdin") }
        let result = try HelperProcess.run(shimPath, arguments)
        guard result.status == 0 else {
            try? OverlayMount.unmount(base + "/rootfs")
            let message = Self.startFailureMessage(result.output)
            state.error = message
            state.exitCode = Self.startFailureExitCode(message)
            try? store.updateState(id: row.id, state: try Self.encode(state))
            throw APIError(statusCode: Self.startFailureStatus(message), message: message)
        }
        connectPendingAttaches(row.id, tty: config.tty == true)
        let reply = (try? ShimControl.request(shim + "/shim.sock", "start")) ?? #"{"error":"the shim did not answer"}"#
        if reply.contains("\"error\"") {
            _ = try? ShimControl.request(shim + "/shim.sock", "shutdown")
            try? OverlayMount.unmount(base + "/rootfs")
            let message = Self.startFailureMessage(Self.errorText(reply))
            state.error = message
            state.exitCode = Self.startFailureExitCode(message)
            try? store.updateState(id: row.id, state: try Self.encode(state))
            throw APIError(statusCode: Self.startFailureStatus(message), message: message)
        }
        let pid = Int32((try? FileSystem.readString(shim + "/init.pid"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        state.status = "running"
        state.pid = pid
        state.exitCode = 0
        state.startedAt = Self.now()
        state.finishedAt = nil
        state.oomKilled = false
        state.error = nil
        if userStarted { state.stoppedByUser = false }
        try store.updateState(id: row.id, state: try Self.encode(state))
        events.container("start", row)
        watchExit(row.id)
    }

    // MARK: - Running and stopped

    /// The row with its state brought up to date from the shim's exit.json.
    func refreshed(_ row: ContainerRow) throws -> ContainerRow {
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        guard state.status == "running" || state.status == "paused",
              let text = try? FileSystem.readString(shimDirectory(row.id) + "/exit.json"),
              let exit = try? JSONParser.parse(text) else { return row }
        state.status = "exited"
        state.exitCode = exit["exitCode"]?.int64Value.map { Int($0) }
        state.finishedAt = exit["finishedAt"]?.stringValue
        state.oomKilled = exit["oomKilled"]?.boolValue ?? false
        state.pid = 0
        var updated = row
        updated.state = try Self.encode(state)
        try store.updateState(id: row.id, state: updated.state)
        return updated
    }
}
