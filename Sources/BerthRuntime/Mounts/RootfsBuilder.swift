import Glibc
import LinuxSys
import OCI

/// Builds the container's filesystem view inside its new mount namespace:
/// propagation, the rootfs bind, config.json's mounts, /dev, pivot_root, and
/// the final hardening (masked and read-only paths, read-only root).
/// Runs in the container's init process before it executes the user program.
struct RootfsBuilder {
    let spec: Spec
    let rootfs: String
    let bundle: String
    let cgroupLayout: CgroupLayout
    let newCgroupNamespace: Bool

    /// Everything up to pivot_root: afterwards the host is no longer visible.
    func prepare() throws(RuntimeError) {
        let propagation = try MountOptions.rootPropagation(spec.linux?.rootfsPropagation)
        do {
            try mount(source: nil, target: "/", type: nil, flags: propagation)
            if propagation.contains(.shared) { try makeParentMountPrivate() }
            try mount(source: rootfs, target: rootfs, type: nil, flags: [.bind, .recursive])
        } catch {
            throw RuntimeError("prepare rootfs \(rootfs)", error)
        }
        let secure = try SecurePath(rootPath: rootfs)
        defer { secure.root.close() }
        var devIsBind = false
        for entry in spec.mounts ?? [] {
            let options = MountOptions(entry.options)
            if Path.clean("/" + entry.destination) == "/dev" && (options.isBind || entry.type == "bind") { devIsBind = true }
            try mountEntry(entry, options, secure)
        }
        if !devIsBind {
            try DeviceNodes(secure: secure).create(extra: spec.linux?.devices ?? [])
        }
    }

    /// pivot_root(2) into the rootfs and detach the old root, so nothing of the
    /// host stays reachable.
    func pivot() throws(RuntimeError) {
        do {
            let oldRoot = try FileDescriptor.open("/", O_DIRECTORY | O_RDONLY)
            defer { oldRoot.close() }
            let newRoot = try FileDescriptor.open(rootfs, O_DIRECTORY | O_RDONLY)
            defer { newRoot.close() }
            try syscallRetrying("fchdir", rootfs) { fchdir(newRoot.rawValue) }
            try pivotRoot(newRoot: ".", putOld: ".")
            try syscallRetrying("fchdir", "old root") { fchdir(oldRoot.rawValue) }
            // Keep the unmount of the old root from propagating to the host.
            try mount(source: nil, target: ".", type: nil, flags: [.slave, .recursive])
            try unmount(".", flags: .detach)
            try syscallRetrying("chdir", "/") { chdir("/") }
        } catch {
            throw RuntimeError("pivot_root into \(rootfs)", error)
        }
    }

    /// Masked and read-only paths, sysctls and the read-only root, after pivot_root.
    func finalize() throws(RuntimeError) {
        // sysctls first: /proc/sys is one of the read-only paths.
        for (key, value) in (spec.linux?.sysctl ?? [:]).sorted(by: { $0.key < $1.key }) {
            let file = "/proc/sys/" + key.split(separator: ".").joined(separator: "/")
            if key.contains("/") || key.contains("..") { throw RuntimeError("invalid sysctl \"\(key)\"") }
            do { try FileSystem.writeExisting(file, value) } catch {
                throw RuntimeError("set sysctl \(key)=\(value)", error)
            }
        }
        for path in spec.linux?.readonlyPaths ?? [] { try makeReadOnly(path) }
        for path in spec.linux?.maskedPaths ?? [] { try mask(path) }
        if spec.root?.readonly == true {
            do {
                try mount(source: nil, target: "/", type: nil, flags: MountFlags([.bind, .remount, .readOnly]).union(lockedFlags("/")))
            } catch {
                throw RuntimeError("make the root filesystem read-only", error)
            }
        }
    }

    // MARK: - Mounts from config.json

    private func mountEntry(_ entry: Mount, _ options: MountOptions, _ secure: SecurePath) throws(RuntimeError) {
        let destination = Path.clean("/" + entry.destination)
        if destination == "/" { throw RuntimeError("mount destination \"\(entry.destination)\" is the root") }
        do {
            if entry.type == "cgroup" || entry.type == "cgroup2" {
                try mountCgroup(destination, options, secure)
            } else if options.isBind || entry.type == "bind" {
                try mountBind(entry, destination, options, secure)
            } else {
                let target = try secure.ensure(destination)
                defer { target.close() }
                let flags = options.flags.subtracting(.remount)
                try mount(source: entry.source ?? entry.type, target: SecurePath.procPath(target),
                          type: entry.type, flags: flags, data: options.dataString)
            }
            try applyPropagation(options, destination, secure)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError("mount \(entry.type ?? "bind") on \(destination)", error)
        }
    }

    private func mountBind(_ entry: Mount, _ destination: String, _ options: MountOptions, _ secure: SecurePath) throws {
        guard let rawSource = entry.source, !rawSource.isEmpty else {
            throw RuntimeError("bind mount on \(destination) has no source")
        }
        let source = rawSource.hasPrefix("/") ? rawSource : Path.join(bundle, rawSource)
        guard let info = FileSystem.statIfExists(source) else {
            throw RuntimeError("bind mount source \(source) does not exist")
        }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        let target = try secure.ensure(destination, file: !isDirectory)
        defer { target.close() }
        try mount(source: source, target: SecurePath.procPath(target), type: nil,
                  flags: options.flags.intersection([.bind, .recursive]).union(.bind))
        let extra = options.flags.subtracting([.bind, .recursive, .remount])
        if !extra.isEmpty {
            let mounted = try secure.open(destination)
            defer { mounted.close() }
            let path = SecurePath.procPath(mounted)
            try mount(source: nil, target: path, type: nil, flags: extra.union([.bind, .remount]).union(lockedFlags(path)))
        }
    }

    private func applyPropagation(_ options: MountOptions, _ destination: String, _ secure: SecurePath) throws {
        guard !options.propagation.isEmpty else { return }
        let mounted = try secure.open(destination)
        defer { mounted.close() }
        for flags in options.propagation {
            try mount(source: nil, target: SecurePath.procPath(mounted), type: nil, flags: flags)
        }
    }

    /// A cgroup filesystem for the container: cgroup2 on v2 hosts; on v1 a
    /// tmpfs with one directory per hierarchy, each showing only the
    /// container's own cgroup.
    private func mountCgroup(_ destination: String, _ options: MountOptions, _ secure: SecurePath) throws {
        let flags = options.flags.subtracting([.bind, .recursive, .remount])
        let target = try secure.ensure(destination)
        defer { target.close() }
        if cgroupLayout.unified {
            if newCgroupNamespace {
                try mount(source: "cgroup", target: SecurePath.procPath(target), type: "cgroup2", flags: flags)
            } else if let directory = cgroupLayout.hierarchies.first?.directory {
                try mount(source: directory, target: SecurePath.procPath(target), type: nil, flags: [.bind, .recursive])
                try remount(destination, flags, secure)
            }
            return
        }
        try mount(source: "tmpfs", target: SecurePath.procPath(target), type: "tmpfs",
                  flags: flags.subtracting(.readOnly), data: "mode=755")
        for hierarchy in cgroupLayout.hierarchies {
            let name = hierarchy.controllers.hasPrefix("name=") ? String(hierarchy.controllers.dropFirst(5)) : hierarchy.controllers
            let sub = destination + "/" + name
            let subTarget = try secure.ensure(sub)
            defer { subTarget.close() }
            if newCgroupNamespace {
                try mount(source: "cgroup", target: SecurePath.procPath(subTarget), type: "cgroup",
                          flags: flags, data: hierarchy.controllers)
            } else {
                try mount(source: hierarchy.directory, target: SecurePath.procPath(subTarget), type: nil, flags: [.bind])
                try remount(sub, flags, secure)
            }
        }
        if flags.contains(.readOnly) { try remount(destination, flags, secure) }
    }

    private func remount(_ destination: String, _ flags: MountFlags, _ secure: SecurePath) throws {
        let mounted = try secure.open(destination)
        defer { mounted.close() }
        let path = SecurePath.procPath(mounted)
        try mount(source: nil, target: path, type: nil, flags: flags.union([.bind, .remount]).union(lockedFlags(path)))
    }

    /// nosuid/nodev/noexec already on a mount, which a bind remount must repeat.
    private func lockedFlags(_ path: String) -> MountFlags {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return [] }
        var flags: MountFlags = []
        if info.f_flag & 2 != 0 { flags.insert(.noSUID) }  // ST_NOSUID
        if info.f_flag & 4 != 0 { flags.insert(.noDev) }  // ST_NODEV
        if info.f_flag & 8 != 0 { flags.insert(.noExec) }  // ST_NOEXEC
        return flags
    }

    /// pivot_root refuses a shared parent mount: make the mount holding the rootfs private.
    private func makeParentMountPrivate() throws {
        let parent = Path.parent(of: rootfs)
        let holder = mountPoints().filter { parent == $0 || parent.hasPrefix($0 == "/" ? "/" : $0 + "/") }
            .max(by: { $0.count < $1.count }) ?? "/"
        try mount(source: nil, target: holder, type: nil, flags: .private)
    }

    // MARK: - Hardening after pivot_root

    private func mask(_ path: String) throws(RuntimeError) {
        guard let info = FileSystem.lstatIfExists(path) else { return }
        do {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try mount(source: "tmpfs", target: path, type: "tmpfs", flags: .readOnly)
            } else {
                try mount(source: "/dev/null", target: path, type: nil, flags: .bind)
            }
        } catch {
            throw RuntimeError("mask \(path)", error)
        }
    }

    private func makeReadOnly(_ path: String) throws(RuntimeError) {
        guard FileSystem.exists(path) else { return }
        do {
            try mount(source: path, target: path, type: nil, flags: [.bind, .recursive])
            try mount(source: nil, target: path, type: nil, flags: MountFlags([.bind, .remount, .readOnly, .recursive]).union(lockedFlags(path)))
        } catch {
            throw RuntimeError("make \(path) read-only", error)
        }
    }
}
