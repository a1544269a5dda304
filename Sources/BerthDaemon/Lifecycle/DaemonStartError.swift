import LinuxSys

/// Why berthd refused to start.
public enum DaemonStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another berthd holds the data root's lock.
    case alreadyRunning(dataRoot: String, pid: String)
    /// The data root could not be created or locked.
    case dataRoot(path: String, error: SystemError)
    /// The image store under the data root could not be opened.
    case imageStore(path: String, reason: String)

    /// The message shown before exiting.
    public var description: String {
        switch self {
        case .alreadyRunning(let dataRoot, let pid):
            "berthd is already running on \(dataRoot) (pid \(pid))"
        case .dataRoot(let path, let error):
            "cannot use data root \(path): \(error)"
        case .imageStore(let path, let reason):
            "cannot open the image store in \(path): \(reason)"
        }
    }
}
