import BerthAPI
import BerthImage
import BerthRuntime
import Foundation
import LinuxSys

extension ContainerService {
    /// `docker inspect`: the container as dockerd describes it (see
    /// ContainerInspect); `size` adds SizeRw and SizeRootFs.
    public func inspect(_ idOrName: String, size: Bool) throws -> ContainerInspect {
        let row = try refreshed(try store.container(idOrName))
        let snapshot = try ContainerRowSnapshot(row, volumesRoot: specHost.volumesRoot)
        let config = snapshot.config
        let state = snapshot.state
        let base = directory(row.id)
        func path(_ file: String) -> String { FileSystem.exists(base + "/" + file) ? base + "/" + file : "" }
        var document = ContainerInspect(
            id: row.id, created: row.created, path: config.args.first ?? "", args: Array(config.args.dropFirst()),
            state: ContainerInspectState(status: state.status, pid: Int(state.pid ?? 0), exitCode: state.exitCode ?? 0,
                                         error: state.error ?? "", oomKilled: state.oomKilled ?? false,
                                         startedAt: state.startedAt, finishedAt: state.finishedAt),
            image: config.imageID, name: "/" + row.name, logPath: base + "/container.log",
            hostConfig: Self.inspectHostConfig(config), graphDriver: graphDriver(row.id, imageID: config.imageID),
            mounts: snapshot.mounts.filter(\.listed).map(\.mountPoint), config: Self.inspectConfig(config),
            restartCount: state.restartCount ?? 0, resolvConfPath: path("resolv.conf"), hostnamePath: path("hostname"),
            hostsPath: path("hosts"))
        if size {
            let sizeRw = DirectorySize.bytes(base + "/upper")
            document.SizeRw = sizeRw
            document.SizeRootFs = sizeRw + snapshot.imageSize(images)
        }
        return document
    }

    /// `docker inspect` as JSON, from `inspectCache` while the container's
    /// row is unchanged (encoding the document is most of inspect's cost).
    public func inspectJSON(_ idOrName: String, size: Bool) throws -> [UInt8] {
        guard !size else { return try JSONCoding.encode(try inspect(idOrName, size: true)) }
        let row = try refreshed(try store.container(idOrName))
        if let cached = inspectCache[row.id], cached.row == row { return cached.json }
        let json = try JSONCoding.encode(try inspect(row.id, size: false))
        inspectCache[row.id] = (row, json)
        return json
    }

    /// overlay2's directories for the container: the image's layers (top
    /// first) under its upper and work directories, merged at rootfs.
    func graphDriver(_ id: String, imageID: String) -> GraphDriverData {
        let base = directory(id)
        var data = ["MergedDir": base + "/rootfs", "UpperDir": base + "/upper", "WorkDir": base + "/work"]
        if let digest = Digest(imageID), let top = try? images.image(digest).metadata.topLayer,
           let stack = try? images.layers.stack(top) {
            data["LowerDir"] = stack.map { images.layers.diffPath($0.chainID) }.joined(separator: ":")
        }
        return GraphDriverData(data: data)
    }

    /// Inspect's Config from the stored document.
    static func inspectConfig(_ config: ContainerConfigDocument) -> ContainerInspectConfig {
        var view = ContainerInspectConfig(image: config.imageName)
        view.Hostname = config.hostname
        view.Domainname = config.domainname ?? ""
        view.User = config.user ?? ""
        view.AttachStdin = config.attachStdin ?? false
        view.AttachStdout = config.attachStdout ?? false
        view.AttachStderr = config.attachStderr ?? false
        view.ExposedPorts = config.exposedPorts
        view.Tty = config.tty ?? false
        view.OpenStdin = config.openStdin ?? false
        view.StdinOnce = config.stdinOnce ?? false
        view.Env = config.env
        view.Cmd = config.cmd
        view.Volumes = config.volumes
        // An unset working directory is stored resolved ("/"); dockerd shows it unset.
        view.WorkingDir = config.workingDir == "/" ? "" : config.workingDir
        view.Entrypoint = config.entrypoint
        view.Labels = config.labels
        view.StopSignal = config.stopSignal
        view.StopTimeout = config.stopTimeout
        return view
    }

    /// The stored HostConfig with the defaults dockerd fills in before showing it.
    static func inspectHostConfig(_ config: ContainerConfigDocument) -> HostConfig {
        var host = config.hostConfig ?? HostConfig()
        func unset(_ text: String?) -> Bool { text?.isEmpty ?? true }
        if unset(host.LogConfig?.Type) { host.LogConfig = LogConfig(type: "json-file", config: host.LogConfig?.Config ?? [:]) }
        if host.LogConfig?.Config == nil { host.LogConfig?.Config = [:] }
        if unset(host.NetworkMode) { host.NetworkMode = "default" }
        if host.PortBindings == nil { host.PortBindings = [:] }
        if unset(host.RestartPolicy?.Name) { host.RestartPolicy = RestartPolicy(name: "no", maximumRetryCount: host.RestartPolicy?.MaximumRetryCount ?? 0) }
        if host.RestartPolicy?.MaximumRetryCount == nil { host.RestartPolicy?.MaximumRetryCount = 0 }
        if unset(host.CgroupnsMode) { host.CgroupnsMode = "private" }
        if unset(host.IpcMode) { host.IpcMode = "private" }
        if (host.ShmSize ?? 0) <= 0 { host.ShmSize = 64 * 1024 * 1024 }
        if unset(host.Runtime) { host.Runtime = "runc" }
        if host.ConsoleSize == nil { host.ConsoleSize = [0, 0] }
        for keyPath: WritableKeyPath<HostConfig, String?> in [\.ContainerIDFile, \.VolumeDriver, \.Cgroup, \.PidMode, \.UTSMode,
                                                             \.UsernsMode, \.Isolation, \.CgroupParent, \.CpusetCpus, \.CpusetMems] {
            if host[keyPath: keyPath] == nil { host[keyPath: keyPath] = "" }
        }
        for keyPath: WritableKeyPath<HostConfig, Bool?> in [\.AutoRemove, \.Privileged, \.PublishAllPorts, \.ReadonlyRootfs, \.OomKillDisable] {
            if host[keyPath: keyPath] == nil { host[keyPath: keyPath] = false }
        }
        for keyPath: WritableKeyPath<HostConfig, Int64?> in [\.CpuShares, \.Memory, \.NanoCpus, \.CpuPeriod, \.CpuQuota, \.CpuRealtimePeriod,
                                                            \.CpuRealtimeRuntime, \.MemoryReservation, \.MemorySwap, \.CpuCount,
                                                            \.CpuPercent, \.IOMaximumIOps, \.IOMaximumBandwidth] {
            if host[keyPath: keyPath] == nil { host[keyPath: keyPath] = 0 }
        }
        if host.OomScoreAdj == nil { host.OomScoreAdj = 0 }
        if host.BlkioWeight == nil { host.BlkioWeight = 0 }
        if host.PidsLimit == 0 { host.PidsLimit = nil }
        for keyPath: WritableKeyPath<HostConfig, [String]?> in [\.Dns, \.DnsOptions, \.DnsSearch] where host[keyPath: keyPath] == nil {
            host[keyPath: keyPath] = []
        }
        // dockerd's default swap: as much again as the memory limit, where swap is accounted.
        if let memory = host.Memory, memory > 0, (host.MemorySwap ?? 0) == 0,
           FileSystem.exists("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes") {
            host.MemorySwap = memory * 2
        }
        if host.Privileged != true {
            if host.MaskedPaths == nil { host.MaskedPaths = DefaultSpec.maskedPaths }
            if host.ReadonlyPaths == nil { host.ReadonlyPaths = DefaultSpec.readonlyPaths }
        }
        return host
    }

    /// RFC 3339 text (with or without fractional seconds) as a date.
    static func date(_ text: String) -> Date? {
        RFC3339.parse(text).map { Date(timeIntervalSince1970: Double($0.seconds) + Double($0.nanoseconds) / 1e9) }
    }
}
