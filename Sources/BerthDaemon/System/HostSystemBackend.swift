import LinuxSys
import BerthAPI
import Foundation

/// How many containers (by state) and images the engine holds, for `/info`.
public struct EngineInventory: Sendable {
    public var containers = 0, running = 0, paused = 0, stopped = 0, images = 0
    /// Zero of everything.
    public init() {}
}

/// The system backend: host facts, the daemon's settings, and the engine's
/// counts through the `inventory` seam (the container and image services).
public struct HostSystemBackend: SystemBackend {
    private let configuration: DaemonConfiguration
    private let engineID: String
    private let inventory: @Sendable () async -> EngineInventory

    /// A backend for a daemon with these settings and identity.
    public init(configuration: DaemonConfiguration, engineID: String,
                inventory: @escaping @Sendable () async -> EngineInventory = { EngineInventory() }) {
        self.configuration = configuration
        self.engineID = engineID
        self.inventory = inventory
    }

    /// Berth's version facts.
    public func systemVersion() async throws -> SystemVersion {
        SystemVersion(
            engineVersion: BerthVersion.version, gitCommit: BerthVersion.gitCommit, buildTime: BerthVersion.buildTime,
            arch: HostFacts.goArchitecture, kernelVersion: HostFacts.kernelVersion()
        )
    }

    /// Host facts and settings, with zero containers and images.
    public func systemInfo() async throws -> SystemInfo {
        var info = SystemInfo(id: engineID)
        let counts = await inventory()
        info.containers = counts.containers
        info.containersRunning = counts.running
        info.containersPaused = counts.paused
        info.containersStopped = counts.stopped
        info.images = counts.images
        let os = HostFacts.operatingSystem()
        info.kernelVersion = HostFacts.kernelVersion()
        info.operatingSystem = os.prettyName
        info.osVersion = os.versionID
        info.architecture = HostFacts.machine
        info.cpus = HostFacts.cpuCount()
        info.memTotal = HostFacts.memoryBytes()
        info.dockerRootDir = configuration.dataRoot
        info.name = HostFacts.hostname()
        info.serverVersion = BerthVersion.version
        info.cgroupVersion = HostFacts.cgroupVersion()
        info.debug = configuration.logLevel <= .debug
        info.fileDescriptors = HostFacts.openFileDescriptors()
        info.systemTime = RFC3339.now()
        info.runtimes = ["berth": RuntimeDescription(path: configuration.runtimePath)]
        info.defaultRuntime = "berth"
        if !FileManager.default.isExecutableFile(atPath: configuration.runtimePath) {
            info.warnings.append("WARNING: runtime \(configuration.runtimePath) not found or not executable")
        }
        return info
    }
}
