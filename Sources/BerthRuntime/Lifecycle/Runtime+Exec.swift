import Glibc
import LinuxSys
import OCI

/// Options for `exec`.
public struct ExecOptions {
    /// A process.json (runc's --process); otherwise built from the fields below.
    public var processFile: String?
    public var arguments: [String] = []
    public var environment: [String] = []
    public var cwd: String?
    public var user: (uid: UInt32, gid: UInt32)?
    public var additionalGids: [UInt32] = []
    public var terminal: Bool = false
    public var detach: Bool = false
    public var pidFile: String?
    public var consoleSocket: String?
    public var capabilities: [String] = []
    public var noNewPrivileges: Bool?
    public init() {}
}

extension Runtime {
    /// `exec`: runs a new process inside a running container, in all of its
    /// namespaces and its cgroup. Returns its exit code, or 0 when detached.
    public func exec(id: String, options: ExecOptions) throws(RuntimeError) -> Int32 {
        let record = try store.load(id)
        let manager = try Cgroups.manager(cgroupsPath: record.cgroupPath, containerID: id)
        let status = status(of: record, cgroups: manager)
        guard status == "running" || status == "created" else {
            throw RuntimeError(status == "paused" ? "cannot exec in a paused container" : "cannot exec in a stopped container")
        }
        let spec = try store.loadConfig(id)
        let process = try execProcess(spec: spec, options: options)
        var plan = try NamespacePlan(joiningProcess: record.pid)
        defer { plan.closeAll() }
        let console: FileDescriptor?
        if process.terminal == true {
            guard let path = options.consoleSocket else { throw RuntimeError("exec with a terminal needs --console-socket") }
            do { console = try Terminal.connectUnix(path) } catch { throw RuntimeError("connect to console socket", error) }
        } else {
            console = nil
        }
        defer { console?.close() }
        let (parentEnd, childEnd) = try socketPair()
        defer { parentEnd.close() }
        let sync = SyncChannel(fd: parentEnd)
        plan.created = []
        let pid = try plan.clone()
        if pid == 0 {
            parentEnd.close()
            let context = InitContext(
                mode: .exec, spec: spec, process: process, containerID: id, bundle: record.bundle,
                rootfs: record.rootfs, sync: SyncChannel(fd: childEnd), consoleSocket: console,
                joins: plan.joins, created: [], unshareCgroup: false, cgroupLayout: manager.layout)
            ContainerInit(context: context).run()
        }
        childEnd.close()
        do throws(RuntimeError) {
            if manager.layout.unified { try manager.join(pid) }
            do { try sync.send(.go) } catch { throw RuntimeError("start exec setup", error) }
            try sync.expect(.ready)
        } catch {
            Glibc.kill(pid, SIGKILL)
            _ = try? waitForExit(pid)
            throw error
        }
        if let pidFile = options.pidFile { try writePidFile(pidFile, pid) }
        if options.detach { return 0 }
        SignalForwarder.install(target: pid)
        do { return try waitForExit(pid).shellCode } catch { throw RuntimeError("wait for exec process", error) }
    }

    /// The process to exec: process.json, or the container's own process with
    /// the command-line overrides, as runc builds it.
    private func execProcess(spec: Spec, options: ExecOptions) throws(RuntimeError) -> Process {
        if let file = options.processFile {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(file) } catch { throw RuntimeError("read process file \(file)", error) }
            let process: Process
            do { process = try Process(jsonBytes: bytes) } catch {
                throw RuntimeError("invalid process file \(file): \(error)")
            }
            guard let args = process.args, !args.isEmpty else { throw RuntimeError("process.json: args is empty") }
            _ = try CapabilityPlan(process.capabilities)
            return process
        }
        guard !options.arguments.isEmpty else { throw RuntimeError("exec needs a command (or --process)") }
        var process = spec.process ?? Process()
        process.args = options.arguments
        process.env = (process.env ?? []) + options.environment
        process.terminal = options.terminal
        process.consoleSize = nil
        if let cwd = options.cwd { process.cwd = cwd }
        if let user = options.user {
            process.user = User(uid: user.uid, gid: user.gid, additionalGids: options.additionalGids)
        }
        if !options.capabilities.isEmpty {
            var caps = process.capabilities ?? Capabilities()
            for name in options.capabilities {
                for keyPath in [\Capabilities.bounding, \.effective, \.permitted, \.inheritable] {
                    caps[keyPath: keyPath] = (caps[keyPath: keyPath] ?? []) + [name]
                }
            }
            process.capabilities = caps
        }
        if let noNewPrivileges = options.noNewPrivileges { process.noNewPrivileges = noNewPrivileges }
        _ = try CapabilityPlan(process.capabilities)
        return process
    }
}

extension NamespacePlan {
    /// Joins every namespace of `pid` that differs from ours (runc's exec).
    init(joiningProcess pid: pid_t) throws(RuntimeError) {
        do {
            let ownPid = FileSystem.statIfExists("/proc/self/ns/pid")
            if let theirs = FileSystem.statIfExists("/proc/\(pid)/ns/pid"), theirs.st_ino != ownPid?.st_ino {
                pidJoin = try FileDescriptor.open("/proc/\(pid)/ns/pid", O_RDONLY)
            }
            for kind in Self.joinOrder {
                let path = "/proc/\(pid)/ns/\(kind.procName)"
                guard let theirs = FileSystem.statIfExists(path),
                      let ours = FileSystem.statIfExists("/proc/self/ns/\(kind.procName)"),
                      theirs.st_ino != ours.st_ino else { continue }
                joins.append((kind, try FileDescriptor.open(path, O_RDONLY)))
            }
        } catch {
            closeAll()
            throw RuntimeError("open the container's namespaces", error)
        }
    }
}
