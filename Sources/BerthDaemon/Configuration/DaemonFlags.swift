/// The settings given on berthd's command line; nil means "not given", so the config file
/// or the default applies.
public struct DaemonFlags: Sendable, Equatable {
    /// `--host`.
    public var host: String?
    /// `--data-root`.
    public var dataRoot: String?
    /// `--config-file`; nil means the default path, which may be absent.
    public var configFile: String?
    /// `--runtime`.
    public var runtime: String?
    /// `--log-level`.
    public var logLevel: String?

    /// Flags as parsed.
    public init(
        host: String? = nil, dataRoot: String? = nil, configFile: String? = nil, runtime: String? = nil,
        logLevel: String? = nil
    ) {
        self.host = host
        self.dataRoot = dataRoot
        self.configFile = configFile
        self.runtime = runtime
        self.logLevel = logLevel
    }
}
