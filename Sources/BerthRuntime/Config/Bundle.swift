import Glibc
import LinuxSys
import OCI

/// An OCI bundle on disk: config.json, validated, and the absolute rootfs path.
struct Bundle {
    let path: String
    let spec: Spec
    let configBytes: [UInt8]
    let rootfs: String

    /// Reads and validates `<path>/config.json`; every problem is a clear error
    /// before anything is created.
    init(path rawPath: String) throws(RuntimeError) {
        path = Path.absolute(rawPath)
        let configPath = path + "/config.json"
        do { configBytes = try FileSystem.read(configPath) } catch {
            throw RuntimeError("cannot read \(configPath): \(error.reason.lowercased())")
        }
        do { spec = try Spec(jsonBytes: configBytes) } catch {
            throw RuntimeError("invalid config.json: \(error)")
        }
        guard let root = spec.root, !root.path.isEmpty else { throw RuntimeError("invalid config.json: root.path is missing") }
        rootfs = Path.clean(root.path.hasPrefix("/") ? root.path : Path.join(path, root.path))
        guard FileSystem.isDirectory(rootfs) else {
            throw RuntimeError("rootfs \(rootfs) does not exist or is not a directory")
        }
        try Bundle.validate(spec)
    }

    static func validate(_ spec: Spec) throws(RuntimeError) {
        guard let process = spec.process else { throw RuntimeError("invalid config.json: process is missing") }
        guard let args = process.args, !args.isEmpty else { throw RuntimeError("invalid config.json: process.args is empty") }
        var seen: [String] = []
        for namespace in spec.linux?.namespaces ?? [] {
            guard NamespaceKinds.kind(namespace.type) != nil else {
                throw RuntimeError("invalid config.json: unknown namespace type \"\(namespace.type)\"")
            }
            guard !seen.contains(namespace.type) else {
                throw RuntimeError("invalid config.json: namespace \"\(namespace.type)\" is listed twice")
            }
            seen.append(namespace.type)
            if let nsPath = namespace.path, !nsPath.isEmpty, !FileSystem.exists(nsPath) {
                throw RuntimeError("invalid config.json: \(namespace.type) namespace path \(nsPath) does not exist")
            }
        }
        for limit in process.rlimits ?? [] where ProcessSetup.rlimitNumber(limit.type) == nil {
            throw RuntimeError("invalid config.json: unknown rlimit \"\(limit.type)\"")
        }
        _ = try CapabilityPlan(process.capabilities)
        _ = try MountOptions.rootPropagation(spec.linux?.rootfsPropagation)
        if let profile = spec.linux?.seccomp { _ = try SeccompCompiler.compile(profile) }
        if spec.hostname.map({ !$0.isEmpty }) == true && !seen.contains("uts") {
            throw RuntimeError("invalid config.json: hostname is set but there is no new uts namespace")
        }
        for mount in spec.mounts ?? [] where mount.destination.isEmpty {
            throw RuntimeError("invalid config.json: a mount has an empty destination")
        }
    }
}

/// Maps config.json namespace names to kinds.
enum NamespaceKinds {
    static func kind(_ name: String) -> NamespaceKind? {
        switch name {
        case "pid": return .pid
        case "network": return .network
        case "mount": return .mount
        case "ipc": return .ipc
        case "uts": return .uts
        case "user": return .user
        case "cgroup": return .cgroup
        case "time": return .time
        default: return nil
        }
    }
}
