import Glibc
import LinuxSys
import OCI

/// Options for `create` and `run`.
public struct CreateOptions {
    public var bundle: String = "."
    public var pidFile: String?
    public var consoleSocket: String?
    public init() {}
}

extension Runtime {
    /// `create`: sets the container up and leaves its init waiting for `start`.
    public func create(id: String, options: CreateOptions) throws(RuntimeError) {
        _ = try launch(id: id, options: options, runMode: false)
    }

    /// A container whose init is set up and waiting.
    struct Launched {
        let pid: pid_t
        let record: ContainerRecord
        let spec: Spec
        let sync: SyncChannel
        let cgroup: any CgroupManager
    }

    /// The shared part of create and run: validate, reserve, cgroup, clone,
    /// handshake, hooks, state. On failure everything made is removed.
    func launch(id: String, options: CreateOptions, runMode: Bool) throws(RuntimeError) -> Launched {
        try StateStore.validate(id: id)
        let bundle = try Bundle(path: options.bundle)
        let spec = bundle.spec
        try store.reserve(id)
        var child: pid_t = 0
        var cgroup: (any CgroupManager)?
        var succeeded = false
        defer {
            if !succeeded {
                if child > 0 {
                    Glibc.kill(child, SIGKILL)
                    _ = try? waitForExit(child)
                }
                if let cgroup { try? cgroup.destroy() }
                try? store.remove(id)
            }
        }
        try store.saveConfig(id, bundle.configBytes)
        let manager = try Cgroups.manager(cgroupsPath: spec.linux?.cgroupsPath, containerID: id)
        cgroup = manager
        try manager.create()
        try manager.apply(spec.linux?.resources)

        var fifoDirectory: FileDescriptor?
        if !runMode {
            do {
                try FileSystem.makeFifo(store.fifoPath(id), mode: 0o622)
                fifoDirectory = try FileDescriptor.open(store.directory(id), O_DIRECTORY | O_RDONLY)
            } catch {
                throw RuntimeError("create exec fifo", error)
            }
        }
        defer { fifoDirectory?.close() }
        let plan = try NamespacePlan(spec.linux?.namespaces ?? [])
        defer { plan.closeAll() }
        let console = try connectConsole(options.consoleSocket, terminal: spec.process?.terminal == true, runMode: runMode)
        defer { console?.close() }
        let (parentEnd, childEnd) = try socketPair()
        // The parent's end outlives launch() in run mode (it carries `start`).
        defer { if !succeeded || !runMode { parentEnd.close() } }
        let sync = SyncChannel(fd: parentEnd)
        guard let process = spec.process else { throw RuntimeError("invalid config.json: process is missing") }

        let pid = try plan.clone()
        if pid == 0 {
            parentEnd.close()
            let mode: InitContext.Mode = fifoDirectory.map { .create(fifoDirectory: $0) } ?? .run
            let context = InitContext(
                mode: mode, spec: spec, process: process, containerID: id, bundle: bundle.path,
                rootfs: bundle.rootfs, sync: SyncChannel(fd: childEnd), consoleSocket: console,
                joins: plan.joins, created: plan.created, unshareCgroup: plan.created.contains(.cgroup),
                cgroupLayout: manager.layout)
            ContainerInit(context: context).run()
        }
        child = pid
        childEnd.close()
        // v1: the init joins by itself (see ContainerInit.joinCgroupsItself).
        if manager.layout.unified { try manager.join(pid) }
        try IDMaps.write(pid: pid, spec: spec)
        do { try sync.send(.go) } catch { throw RuntimeError("start container setup", error) }

        let record = ContainerRecord(
            id: id, bundle: bundle.path, rootfs: bundle.rootfs, pid: pid,
            pidStartTime: ProcessInfo.startTime(pid) ?? "", created: Clock.rfc3339Now(),
            cgroupPath: spec.linux?.cgroupsPath ?? "", annotations: spec.annotations)
        try awaitReady(sync, record: record, spec: spec, childPid: pid)
        try store.save(record)
        if let pidFile = options.pidFile { try writePidFile(pidFile, pid) }
        succeeded = true
        return Launched(pid: pid, record: record, spec: spec, sync: sync, cgroup: manager)
    }

    /// Serves the child's hook requests until it reports ready or fails.
    private func awaitReady(_ sync: SyncChannel, record: ContainerRecord, spec: Spec, childPid: pid_t) throws(RuntimeError) {
        while true {
            let received: (SyncChannel.Message, String)?
            do { received = try sync.receive() } catch { throw RuntimeError("container setup", error) }
            guard let (message, payload) = received else {
                let status = try? waitForExit(childPid)
                throw RuntimeError("container init exited during setup (\(status.map { "\($0)" } ?? "unknown status"))")
            }
            switch message {
            case .ready:
                return
            case .failed:
                throw RuntimeError(payload)
            case .runHooks:
                var state = ociState(record)
                state.status = "creating"
                let json = state.json.serialized()
                let runner = HookRunner(state: json)
                try runner.run(spec.hooks?.prestart ?? [], phase: "prestart")
                try runner.run(spec.hooks?.createRuntime ?? [], phase: "createRuntime")
                do { try sync.send(.hooksDone) } catch { throw RuntimeError("container setup", error) }
            default:
                throw RuntimeError("unexpected setup message \(message)")
            }
        }
    }

    private func connectConsole(_ path: String?, terminal: Bool, runMode: Bool) throws(RuntimeError) -> FileDescriptor? {
        guard terminal else { return nil }
        guard let path else {
            throw RuntimeError("process.terminal is true but no --console-socket was given")
        }
        do { return try Terminal.connectUnix(path) } catch { throw RuntimeError("connect to console socket", error) }
    }

    func socketPair() throws(RuntimeError) -> (FileDescriptor, FileDescriptor) {
        do { return try makeSocketPair() } catch { throw RuntimeError("create sync socket", error) }
    }

    func writePidFile(_ path: String, _ pid: pid_t) throws(RuntimeError) {
        do { try FileSystem.writeAtomically(Path.absolute(path), Array(String(pid).utf8), durable: false) } catch {
            throw RuntimeError("write pid file", error)
        }
    }
}
