/// A daemon configuration that cannot be used, worded for the person who wrote it.
public enum DaemonConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The config file has a key Berth does not know.
    case unknownKey(file: String, key: String)
    /// The config file is not valid JSON, or a value has the wrong type.
    case invalidFile(file: String, reason: String)
    /// The config file given explicitly does not exist or cannot be read.
    case unreadableFile(file: String, reason: String)
    /// A host address is not `unix:///path`.
    case unsupportedHost(String)
    /// More than one host was given; Berth serves one socket.
    case tooManyHosts([String])
    /// The log level is not one of debug, info, warn, error, fatal.
    case invalidLogLevel(String)

    /// The message shown before exiting.
    public var description: String {
        switch self {
        case .unknownKey(let file, let key):
            "unknown key \"\(key)\" in configuration file \(file)"
        case .invalidFile(let file, let reason):
            "invalid configuration file \(file): \(reason)"
        case .unreadableFile(let file, let reason):
            "cannot read configuration file \(file): \(reason)"
        case .unsupportedHost(let host):
            "unsupported host \"\(host)\": berthd listens on unix:///path sockets only"
        case .tooManyHosts(let hosts):
            "berthd listens on one host, got \(hosts.count): \(hosts.joined(separator: ", "))"
        case .invalidLogLevel(let level):
            "invalid log level \"\(level)\": use debug, info, warn, error or fatal"
        }
    }
}
