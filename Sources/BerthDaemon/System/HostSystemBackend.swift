import BerthAPI
import Foundation

/// The system backend of a daemon with no containers or images yet: host facts plus the
/// daemon's settings. Later services replace the zero counts through this seam.
public struct HostSystemBackend: SystemBackend {
    private let configuration: DaemonConfiguration
    private let engineID: String

    /// A backend for a daemon with these settings and identity.
    public init(configuration: DaemonConfiguration, engineID: String) {
        self.configuration = configuration
        self.engineID = engineID
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
        info.systemTime = ISO8601DateFormatter().string(from: Date())
        info.runtimes = ["berth": RuntimeDescription(path: configuration.runtimePath)]
        info.defaultRuntime = "berth"
        if !FileManager.default.isExecutableFile(atPath: configuration.runtimePath) {
            info.warnings.append("WARNING: runtime \(configuration.runtimePath) not found or not executable")
        }
        return info
    }
}
