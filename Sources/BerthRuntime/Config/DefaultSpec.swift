import OCI

/// The config.json `berth-runtime spec` writes: what Docker gives a container
/// by default — its capability set, mounts, masked and read-only paths, and
/// device rules — so a bundle made by hand behaves like `docker run`.
public enum DefaultSpec {
    /// /proc and /sys paths Docker hides from containers.
    public static let maskedPaths = [
        "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
        "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
        "/sys/devices/virtual/powercap",
    ]

    /// /proc paths Docker makes read-only.
    public static let readonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]

    /// Docker's default mounts.
    public static let mounts: [Mount] = [
        Mount(destination: "/proc", type: "proc", source: "proc", options: ["nosuid", "noexec", "nodev"]),
        Mount(destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"]),
        Mount(destination: "/dev/pts", type: "devpts", source: "devpts",
              options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
        Mount(destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"]),
        Mount(destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup", options: ["ro", "nosuid", "noexec", "nodev"]),
        Mount(destination: "/dev/mqueue", type: "mqueue", source: "mqueue", options: ["nosuid", "noexec", "nodev"]),
        Mount(destination: "/dev/shm", type: "tmpfs", source: "shm", options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
    ]

    /// Docker's device-cgroup rules: deny all, then allow the usual nodes.
    public static let deviceRules: [DeviceCgroupRule] = [
        DeviceCgroupRule(allow: false, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 5, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 3, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 9, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 8, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 5, minor: 0, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 5, minor: 1, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 5, minor: 2, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 136, minor: -1, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 7, access: "rwm"),
        DeviceCgroupRule(allow: true, type: "c", major: 10, minor: 200, access: "rwm"),
    ]

    /// A complete Docker-like spec running `args` from `rootfs`.
    public static func make(args: [String] = ["sh"], rootfs: String = "rootfs", terminal: Bool = false) -> Spec {
        let capabilities = CapabilityName.dockerDefaults
        let process = Process(
            terminal: terminal, user: User(uid: 0, gid: 0), args: args,
            env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            cwd: "/",
            capabilities: Capabilities(bounding: capabilities, effective: capabilities, inheritable: nil,
                                       permitted: capabilities, ambient: nil),
            rlimits: [Rlimit(type: "RLIMIT_NOFILE", hard: 1024, soft: 1024)],
            noNewPrivileges: false, oomScoreAdj: 0)
        let linux = Linux(
            resources: Resources(devices: deviceRules),
            namespaces: ["pid", "network", "ipc", "uts", "mount", "cgroup"].map { Namespace(type: $0) },
            maskedPaths: maskedPaths, readonlyPaths: readonlyPaths)
        return Spec(process: process, root: Root(path: rootfs, readonly: false), hostname: "berth",
                    mounts: mounts, linux: linux)
    }
}
