import BerthAPI
import BerthImage
import BerthRuntime
import BerthStore
import Foundation
import LinuxSys
import OCI

/// berthd's container service (a first slice of the Engine's container API):
/// create merges the request with the image, start mounts the overlay, writes
/// the OCI bundle and hands the container to a detached berth-shim, which
/// outlives berthd; wait, logs, kill, stop and remove go through the shim's
/// files and socket. An actor: one container operation at a time.
public actor ContainerService: ContainerBackend {
    let images: ImageStore
    let store: MetadataStore
    let dataRoot: String
    let runtimePath: String
    let shimPath: String

    public init(images: ImageStore, dataRoot: String, runtimePath: String, shimPath: String) throws {
        self.images = images
        self.dataRoot = dataRoot
        self.runtimePath = runtimePath
        self.shimPath = shimPath
        try FileSystem.makeDirectories(dataRoot + "/containers", mode: 0o700)
        store = try MetadataStore(path: dataRoot + "/berth.db")
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
        return id
    }

    public func start(_ idOrName: String) throws {
        let row = try refreshed(try store.container(idOrName))
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        if state.status == "running" { throw APIError.notModified }
        let config = try Self.decode(ContainerConfigDocument.self, row.config)
        let base = directory(row.id)
        // A restart gets fresh shim state; the upper dir (the container's changes) stays.
        let shim = shimDirectory(row.id)
        if state.status == "exited" {
            // A restart: retire the previous run's shim and runtime state first.
            _ = try? ShimControl.request(shim + "/shim.sock", "shutdown")
            _ = try? Self.run(runtimePath, ["--root", dataRoot + "/runtime", "delete", "--force", row.id])
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
        let result = try Self.run(shimPath, [
            "--id", row.id, "--bundle", base + "/bundle", "--runtime", runtimePath, "--runtime-root", dataRoot + "/runtime",
            "--state-dir", shim, "--log-path", base + "/container.log",
        ])
        guard result.status == 0 else {
            try? OverlayMount.unmount(base + "/rootfs")
            throw APIError.internalError(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let pid = Int32((try? FileSystem.readString(shim + "/init.pid"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        state = ContainerStateDocument(status: "running", pid: pid, exitCode: nil, startedAt: Self.now(), finishedAt: nil)
        try store.updateState(id: row.id, state: try Self.encode(state))
    }

    // MARK: - Running and stopped

    /// The row with its state brought up to date from the shim's exit.json.
    func refreshed(_ row: ContainerRow) throws -> ContainerRow {
        var state = try Self.decode(ContainerStateDocument.self, row.state)
        guard state.status == "running", let text = try? FileSystem.readString(shimDirectory(row.id) + "/exit.json"),
              let exit = try? JSONParser.parse(text) else { return row }
        state.status = "exited"
        state.exitCode = exit["exitCode"]?.int64Value.map { Int($0) }
        state.finishedAt = exit["finishedAt"]?.stringValue
        var updated = row
        updated.state = try Self.encode(state)
        try store.updateState(id: row.id, state: updated.state)
        return updated
    }

    public func wait(_ idOrName: String) async throws -> Int {
        let id = try store.container(idOrName).id
        while true {
            let state = try Self.decode(ContainerStateDocument.self, try refreshed(try store.container(id)).state)
            if state.status != "running" { return state.exitCode ?? 0 }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    public func logs(_ idOrName: String, stdout: Bool, stderr: Bool) throws -> [UInt8] {
        let base = directory(try store.container(idOrName).id)
        var files: [String] = []
        for index in stride(from: 9, through: 1, by: -1) where FileSystem.exists(base + "/container.log.\(index)") {
            files.append(base + "/container.log.\(index)")
        }
        files.append(base + "/container.log")
        var output: [UInt8] = []
        for file in files {
            guard let text = try? FileSystem.readString(file) else { continue }
            for line in text.split(separator: "\n") {
                guard let entry = try? JSONParser.parse(String(line)), let log = entry["log"]?.stringValue else { continue }
                let isStderr = entry["stream"]?.stringValue == "stderr"
                if (isStderr && !stderr) || (!isStderr && !stdout) { continue }
                let payload = Array(log.utf8)
                let size = UInt32(payload.count)
                output += [isStderr ? 2 : 1, 0, 0, 0, UInt8(size >> 24), UInt8((size >> 16) & 0xff), UInt8((size >> 8) & 0xff), UInt8(size & 0xff)]
                output += payload
            }
        }
        return output
    }

    public func kill(_ idOrName: String, signal: String) throws {
        let row = try refreshed(try store.container(idOrName))
        guard try Self.decode(ContainerStateDocument.self, row.state).status == "running" else {
            throw APIError.conflict("Container \(row.id) is not running")
        }
        let reply = try ShimControl.request(shimDirectory(row.id) + "/shim.sock", "kill \(signal)")
        if reply.contains("\"error\"") { throw APIError.internalError(reply) }
    }

    public func stop(_ idOrName: String, timeout: Int?) async throws {
        let row = try refreshed(try store.container(idOrName))
        guard try Self.decode(ContainerStateDocument.self, row.state).status == "running" else { throw APIError.notModified }
        try kill(row.id, signal: "TERM")
        let deadline = ContinuousClock.now + .seconds(timeout ?? 10)
        while ContinuousClock.now < deadline {
            if try Self.decode(ContainerStateDocument.self, try refreshed(try store.container(row.id)).state).status != "running" { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        try? kill(row.id, signal: "KILL")
        _ = try await wait(row.id)
    }

    public func remove(_ idOrName: String, force: Bool) async throws {
        let row = try refreshed(try store.container(idOrName))
        if try Self.decode(ContainerStateDocument.self, row.state).status == "running" {
            guard force else {
                throw APIError.conflict("cannot remove container \"/\(row.name)\": container is running: stop the container before removing or force remove")
            }
            try? kill(row.id, signal: "KILL")
            _ = try await wait(row.id)
        }
        let base = directory(row.id)
        _ = try? Self.run(runtimePath, ["--root", dataRoot + "/runtime", "delete", "--force", row.id])
        _ = try? ShimControl.request(shimDirectory(row.id) + "/shim.sock", "shutdown")
        try? OverlayMount.unmount(base + "/rootfs")
        try? FileSystem.removeTree(shimDirectory(row.id))
        try FileSystem.removeTree(base)
        try store.deleteContainer(id: row.id)
    }
}
