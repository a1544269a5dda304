import Glibc
import LinuxSys

/// The exclusive lock that keeps two daemons off one data root: an flock on
/// `<data-root>/berthd.lock`, which also holds the owner's pid for the error message.
/// The kernel drops the lock when the process dies, so a crash never leaves it stuck.
public final class DataRootLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let descriptor: FileDescriptor

    private init(path: String, descriptor: FileDescriptor) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Creates the data root if needed and takes its lock, recording this process's pid.
    public static func acquire(dataRoot: String) throws(DaemonStartError) -> DataRootLock {
        let path = Path.join(dataRoot, "berthd.lock")
        let descriptor: FileDescriptor
        do {
            try FileSystem.makeDirectories(dataRoot, mode: 0o711)
            descriptor = try FileDescriptor.open(path, O_RDWR | O_CREAT, mode: 0o644)
        } catch {
            throw .dataRoot(path: dataRoot, error: error)
        }
        do {
            guard try descriptor.tryLockExclusive() else {
                descriptor.close()
                let owner = (try? FileSystem.readString(path))?.trimmingCharacters(in: .whitespacesAndNewlines)
                throw DaemonStartError.alreadyRunning(dataRoot: dataRoot, pid: owner.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown")
            }
            try descriptor.truncate(to: 0)
            try descriptor.writeAll("\(getpid())\n")
        } catch let error as DaemonStartError {
            throw error
        } catch let error as SystemError {
            descriptor.close()
            throw .dataRoot(path: dataRoot, error: error)
        } catch {
            descriptor.close()
            throw .dataRoot(path: dataRoot, error: SystemError("lock", path, errno: EIO))
        }
        return DataRootLock(path: path, descriptor: descriptor)
    }

    /// Empties the pid record and drops the lock (closing the descriptor releases the flock).
    public func release() {
        try? descriptor.truncate(to: 0)
        descriptor.close()
    }
}
