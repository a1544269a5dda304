/// The body of `GET /info` (`docker info`): counts, host facts and engine settings.
/// Defaults describe an empty Berth engine; the system backend fills in the rest.
public struct SystemInfo: Codable, Sendable, Equatable {
    /// A stable engine identity, persisted in the data root.
    public var id: String
    /// All containers.
    public var containers = 0
    /// Running containers.
    public var containersRunning = 0
    /// Paused containers.
    public var containersPaused = 0
    /// Stopped containers.
    public var containersStopped = 0
    /// Images.
    public var images = 0
    /// The storage driver.
    public var driver = "overlay2"
    /// Storage driver details as key/value pairs.
    public var driverStatus: [[String]] = []
    /// Available drivers.
    public var plugins = PluginsInfo()
    /// Whether memory limits are supported.
    public var memoryLimit = true
    /// Whether swap limits are supported.
    public var swapLimit = true
    /// Whether CPU CFS period is supported.
    public var cpuCfsPeriod = true
    /// Whether CPU CFS quota is supported.
    public var cpuCfsQuota = true
    /// Whether CPU shares are supported.
    public var cpuShares = true
    /// Whether cpusets are supported.
    public var cpuSet = true
    /// Whether PID limits are supported.
    public var pidsLimit = true
    /// Whether IPv4 forwarding is on.
    public var ipv4Forwarding = true
    /// Whether the daemon runs in debug mode.
    public var debug = false
    /// Open file descriptors of the daemon.
    public var fileDescriptors = 0
    /// Goroutines in dockerd; tasks have no equivalent count, so 0.
    public var goroutines = 0
    /// The daemon's current time (RFC 3339).
    public var systemTime = ""
    /// The default log driver.
    public var loggingDriver = "json-file"
    /// `cgroupfs` or `systemd`.
    public var cgroupDriver = "cgroupfs"
    /// `1` or `2`.
    public var cgroupVersion = "2"
    /// Event subscribers.
    public var eventsListeners = 0
    /// The kernel release.
    public var kernelVersion = ""
    /// The distribution's PRETTY_NAME.
    public var operatingSystem = ""
    /// The distribution's VERSION_ID.
    public var osVersion = ""
    /// `linux`.
    public var osType = "linux"
    /// The machine architecture as uname reports it, e.g. `x86_64`.
    public var architecture = ""
    /// Docker Hub's index, as dockerd reports.
    public var indexServerAddress = "https://index.docker.io/v1/"
    /// CPUs available.
    public var cpus = 0
    /// Memory in bytes.
    public var memTotal: Int64 = 0
    /// The data root.
    public var dockerRootDir = ""
    /// Proxy settings of the daemon.
    public var httpProxy = ""
    /// Proxy settings of the daemon.
    public var httpsProxy = ""
    /// Proxy settings of the daemon.
    public var noProxy = ""
    /// The host name.
    public var name = ""
    /// Engine labels.
    public var labels: [String] = []
    /// Whether this is an experimental build.
    public var experimentalBuild = false
    /// The engine version.
    public var serverVersion = ""
    /// OCI runtimes by name.
    public var runtimes: [String: RuntimeDescription] = [:]
    /// The runtime used when none is asked for.
    public var defaultRuntime = "berth"
    /// Swarm state (always inactive).
    public var swarm = SwarmInfo()
    /// Whether containers survive a daemon restart.
    public var liveRestoreEnabled = false
    /// Container isolation technology (Windows only).
    public var isolation = ""
    /// The init binary for `--init`.
    public var initBinary = ""
    /// The containerd revision; Berth has no containerd.
    public var containerdCommit = CommitInfo(id: "")
    /// The runtime revision.
    public var runcCommit = CommitInfo(id: "")
    /// The init revision.
    public var initCommit = CommitInfo(id: "")
    /// Security features in use, e.g. `name=seccomp,profile=builtin`.
    public var securityOptions: [String] = []
    /// Problems worth telling the user.
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey {
        case id = "ID", containers = "Containers", containersRunning = "ContainersRunning"
        case containersPaused = "ContainersPaused", containersStopped = "ContainersStopped", images = "Images"
        case driver = "Driver", driverStatus = "DriverStatus", plugins = "Plugins", memoryLimit = "MemoryLimit"
        case swapLimit = "SwapLimit", cpuCfsPeriod = "CpuCfsPeriod", cpuCfsQuota = "CpuCfsQuota"
        case cpuShares = "CPUShares", cpuSet = "CPUSet", pidsLimit = "PidsLimit", ipv4Forwarding = "IPv4Forwarding"
        case debug = "Debug", fileDescriptors = "NFd", goroutines = "NGoroutines", systemTime = "SystemTime"
        case loggingDriver = "LoggingDriver", cgroupDriver = "CgroupDriver", cgroupVersion = "CgroupVersion"
        case eventsListeners = "NEventsListener", kernelVersion = "KernelVersion"
        case operatingSystem = "OperatingSystem", osVersion = "OSVersion", osType = "OSType"
        case architecture = "Architecture", indexServerAddress = "IndexServerAddress", cpus = "NCPU"
        case memTotal = "MemTotal", dockerRootDir = "DockerRootDir", httpProxy = "HttpProxy"
        case httpsProxy = "HttpsProxy", noProxy = "NoProxy", name = "Name", labels = "Labels"
        case experimentalBuild = "ExperimentalBuild", serverVersion = "ServerVersion", runtimes = "Runtimes"
        case defaultRuntime = "DefaultRuntime", swarm = "Swarm", liveRestoreEnabled = "LiveRestoreEnabled"
        case isolation = "Isolation", initBinary = "InitBinary", containerdCommit = "ContainerdCommit"
        case runcCommit = "RuncCommit", initCommit = "InitCommit", securityOptions = "SecurityOptions"
        case warnings = "Warnings"
    }

    /// An empty engine's report with the given identity; set the other fields as known.
    public init(id: String) { self.id = id }
}
