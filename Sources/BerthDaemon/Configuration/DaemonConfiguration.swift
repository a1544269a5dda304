import Logging

/// The daemon's effective settings: flags override the config file, which overrides defaults.
public struct DaemonConfiguration: Sendable, Equatable {
    /// Where the API is served.
    public var host: HostAddress
    /// Where all engine state lives.
    public var dataRoot: String
    /// The OCI runtime binary.
    public var runtimePath: String
    /// The minimum level logged.
    public var logLevel: Logger.Level

    /// The default data root, apart from dockerd's.
    public static let defaultDataRoot = "/var/lib/berth"

    /// Settings given explicitly.
    public init(host: HostAddress, dataRoot: String, runtimePath: String, logLevel: Logger.Level) {
        self.host = host
        self.dataRoot = dataRoot
        self.runtimePath = runtimePath
        self.logLevel = logLevel
    }

    /// Merges flags over the file over defaults; `defaultRuntime` is berth-runtime beside berthd.
    public init(flags: DaemonFlags, file: DaemonConfigFile, defaultRuntime: String) throws(DaemonConfigurationError) {
        if let flagHost = flags.host {
            self.host = try HostAddress(parsing: flagHost)
        } else if let hosts = file.hosts, !hosts.isEmpty {
            guard hosts.count == 1 else { throw .tooManyHosts(hosts) }
            self.host = try HostAddress(parsing: hosts[0])
        } else {
            self.host = .defaultAddress
        }
        self.dataRoot = flags.dataRoot ?? file.dataRoot ?? Self.defaultDataRoot
        self.runtimePath = flags.runtime ?? defaultRuntime
        self.logLevel = try Self.parseLevel(flags.logLevel ?? file.logLevel ?? "info")
    }

    /// Reads the config file named by the flags (or the default path, if present) and merges.
    public static func resolve(flags: DaemonFlags, defaultRuntime: String) throws(DaemonConfigurationError) -> DaemonConfiguration {
        let file = try DaemonConfigFile.load(
            path: flags.configFile ?? DaemonConfigFile.defaultPath, required: flags.configFile != nil
        )
        return try DaemonConfiguration(flags: flags, file: file, defaultRuntime: defaultRuntime)
    }

    /// dockerd's level names mapped to swift-log levels.
    public static func parseLevel(_ text: String) throws(DaemonConfigurationError) -> Logger.Level {
        switch text.lowercased() {
        case "trace": .trace
        case "debug": .debug
        case "info": .info
        case "warn", "warning": .warning
        case "error": .error
        case "fatal", "panic": .critical
        default: throw .invalidLogLevel(text)
        }
    }
}
