import Glibc
import LinuxSys
import OCI

/// The code that runs in the freshly cloned process and turns it into the
/// container: namespaces, filesystem, console, limits, identity, then execve.
/// The runtime is single-threaded, so this Swift code runs safely after clone.
struct ContainerInit {
    let context: InitContext

    /// Runs the setup and executes the program; never returns. Failures before
    /// `ready` go back to the parent; later ones to the container's stderr.
    func run() -> Never {
        var reportedReady = false
        do {
            // Non-dumpable until execve: no process in the container can open
            // /proc/<this pid>/exe and so reach the runtime binary (CVE-2019-5736).
            do { try processControl(ProcessControlOption.setDumpable, 0) } catch { throw RuntimeError("set non-dumpable", error) }
            try context.sync.expect(.go)
            try joinCgroupsItself()
            try setUp(reportReady: { () throws(RuntimeError) in
                do { try context.sync.send(.ready) } catch { throw RuntimeError("report ready", error) }
                reportedReady = true
            })
        } catch {
            if reportedReady {
                printError("berth-runtime: \(error)")
            } else {
                try? context.sync.send(.failed, "\(error)")
            }
            exitImmediately(reportedReady ? 127 : 1)
        }
        exitImmediately(1)
    }

    /// cgroup v1: the init moves itself into each hierarchy by writing "0"
    /// to `tasks` — a single thread moving itself skips the kernel's global
    /// threadgroup lock, whose RCU grace period made the parent's
    /// `cgroup.procs` write cost ~14 ms per container. Done first, before any
    /// namespace (or mount namespace join) hides the host's cgroup tree.
    private func joinCgroupsItself() throws(RuntimeError) {
        guard !context.cgroupLayout.unified else { return }
        for hierarchy in context.cgroupLayout.hierarchies {
            do { try FileSystem.writeExisting(hierarchy.directory + "/tasks", "0") } catch {
                throw RuntimeError("join cgroup \(hierarchy.directory)", error)
            }
        }
    }

    private func setUp(reportReady: () throws(RuntimeError) -> Void) throws(RuntimeError) {
        try joinNamespaces()
        if context.unshareCgroup {
            do { try unshareNamespaces(NamespaceKind.cgroup.cloneFlag) } catch { throw RuntimeError("create cgroup namespace", error) }
        }
        var isExec = false
        if case .exec = context.mode { isExec = true }
        if !isExec {
            try buildContainer()
        } else if context.process.terminal == true {
            try ConsoleSetup(process: context.process, socket: context.consoleSocket).attach(mountConsole: false)
        }
        let setup = ProcessSetup(process: context.process)
        try setup.applyLimits()
        let executable = try setup.resolveExecutable()
        try setup.enterWorkingDirectory()
        let capabilities = try CapabilityPlan(context.process.capabilities)
        let seccomp = try context.spec.linux?.seccomp.map { (profile) throws(RuntimeError) in try SeccompCompiler.compile(profile) }
        try capabilities.dropBoundingSet()
        try reportReady()
        try waitForStart()
        if !isExec, let hooks = context.spec.hooks?.startContainer, !hooks.isEmpty {
            try HookRunner(state: stateJSON(status: "created")).run(hooks, phase: "startContainer")
        }
        // seccomp(2) needs no_new_privs or CAP_SYS_ADMIN: install the filter
        // while still privileged, or after no_new_privs when that is asked for.
        let afterNoNewPrivileges = context.process.noNewPrivileges == true
        if let seccomp, !afterNoNewPrivileges { try install(seccomp) }
        try setup.switchUser(capabilities: capabilities)
        if let seccomp, afterNoNewPrivileges { try install(seccomp) }
        do { try closeOnExecFrom(3) } catch { throw RuntimeError("close inherited descriptors", error) }
        let failure = execute(path: executable, arguments: context.process.args ?? [], environment: context.process.env ?? [])
        throw RuntimeError("exec \(executable)", failure)
    }

    private func install(_ program: SeccompCompiler.Program) throws(RuntimeError) {
        do { try installSeccompFilter(program.instructions, flags: program.flags) } catch {
            throw RuntimeError("install seccomp filter", error)
        }
    }

    private func joinNamespaces() throws(RuntimeError) {
        for (kind, fd) in context.joins {
            do { try setNamespace(fd, kind) } catch { throw RuntimeError("join \(kind.rawValue) namespace", error) }
            fd.close()
        }
    }

    /// Mounts, hooks, pivot_root, console, hardening, hostname.
    private func buildContainer() throws(RuntimeError) {
        let hasMountNamespace = context.created.contains(.mount)
        let builder = RootfsBuilder(spec: context.spec, rootfs: context.rootfs, bundle: context.bundle,
                                    cgroupLayout: context.cgroupLayout, newCgroupNamespace: context.unshareCgroup)
        if hasMountNamespace { try builder.prepare() }
        let hooks = context.spec.hooks
        if !(hooks?.prestart ?? []).isEmpty || !(hooks?.createRuntime ?? []).isEmpty {
            do { try context.sync.send(.runHooks) } catch { throw RuntimeError("request hooks", error) }
            try context.sync.expect(.hooksDone)
        }
        if let createContainer = hooks?.createContainer, !createContainer.isEmpty {
            try HookRunner(state: stateJSON(status: "creating")).run(createContainer, phase: "createContainer")
        }
        if hasMountNamespace {
            try builder.pivot()
        } else {
            do { try syscallRetrying("chroot", context.rootfs) { chroot(context.rootfs) } } catch {
                throw RuntimeError("chroot", error)
            }
            _ = chdir("/")
        }
        if context.process.terminal == true {
            try ConsoleSetup(process: context.process, socket: context.consoleSocket).attach(mountConsole: true)
        }
        if hasMountNamespace { try builder.finalize() }
        if let hostname = context.spec.hostname, !hostname.isEmpty {
            guard context.created.contains(.uts) else { throw RuntimeError("cannot set hostname without a new UTS namespace") }
            do { try setHostname(hostname) } catch { throw RuntimeError("set hostname", error) }
        }
        if let domainname = context.spec.domainname, !domainname.isEmpty {
            do { try setDomainname(domainname) } catch { throw RuntimeError("set domainname", error) }
        }
    }

    /// Blocks until `start` (create mode) or the parent (run mode) releases us.
    private func waitForStart() throws(RuntimeError) {
        switch context.mode {
        case .create(let directory):
            let fifo = openat(directory.rawValue, "exec.fifo", O_WRONLY | O_CLOEXEC)
            guard fifo >= 0 else { throw RuntimeError("open exec fifo", SystemError("open", "exec.fifo")) }
            let descriptor = FileDescriptor(rawValue: fifo)
            do { try descriptor.writeAll([0x30]) } catch { throw RuntimeError("write exec fifo", error) }
            descriptor.close()
            directory.close()
        case .run:
            try context.sync.expect(.start)
        case .exec:
            break
        }
        context.sync.fd.close()
    }

    private func stateJSON(status: String) -> String {
        let state = ContainerState(id: context.containerID, status: status, pid: getpid(), bundle: context.bundle,
                                   annotations: context.spec.annotations)
        return state.json.serialized()
    }
}
