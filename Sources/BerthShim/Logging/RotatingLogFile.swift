import Glibc
import LinuxSys

/// An append-only file that rotates like Docker's json-file driver: before a
/// write would take it past `maxSize`, `log` becomes `log.1`, `log.1` becomes
/// `log.2` … keeping `maxFiles` files in all (with one file: truncate).
public struct RotatingLogFile {
    /// The live file's path.
    public let path: String
    /// Rotation threshold in bytes; 0 turns rotation off.
    public let maxSize: Int
    /// Files kept, the live one included (≥ 1).
    public let maxFiles: Int
    private var fd: FileDescriptor
    /// Bytes in the live file.
    public private(set) var size: Int
    /// Records appended but not yet written.
    private var queued: [UInt8] = []

    /// Opens (or creates) the log for appending, continuing an existing one.
    public init(path: String, maxSize: Int, maxFiles: Int) throws(ShimError) {
        self.path = path
        self.maxSize = maxSize
        self.maxFiles = max(1, maxFiles)
        do {
            try FileSystem.makeDirectories(Path.parent(of: path))
            fd = try FileDescriptor.open(path, O_WRONLY | O_APPEND | O_CREAT, mode: 0o640)
        } catch {
            throw ShimError("open log file \(path)", error)
        }
        var info = stat()
        size = fstat(fd.rawValue, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Appends one record, rotating first when it would not fit.
    public mutating func write(_ record: [UInt8]) throws(SystemError) {
        try append(record)
        try flush()
    }

    /// Queues a record (rotating first if it would not fit); `flush` writes
    /// the queue in one system call — a read of container output that holds
    /// hundreds of lines costs one write, not hundreds.
    public mutating func append(_ record: [UInt8]) throws(SystemError) {
        if maxSize > 0 && size + queued.count > 0 && size + queued.count + record.count > maxSize {
            try flush()
            try rotate()
        }
        queued.append(contentsOf: record)
    }

    /// Writes what `append` queued.
    public mutating func flush() throws(SystemError) {
        guard !queued.isEmpty else { return }
        defer { queued.removeAll(keepingCapacity: queued.capacity <= 1 << 20) }
        try fd.writeAll(queued)
        size += queued.count
    }

    /// Shifts the numbered files up, dropping the oldest, and starts a new file.
    public mutating func rotate() throws(SystemError) {
        fd.close()
        if maxFiles > 1 {
            var index = maxFiles - 1
            while index > 1 {
                rename("\(path).\(index - 1)", "\(path).\(index)")
                index -= 1
            }
            rename(path, path + ".1")
            fd = try FileDescriptor.open(path, O_WRONLY | O_APPEND | O_CREAT | O_TRUNC, mode: 0o640)
        } else {
            fd = try FileDescriptor.open(path, O_WRONLY | O_APPEND | O_CREAT | O_TRUNC, mode: 0o640)
        }
        size = 0
    }

    /// Closes the live file.
    public mutating func close() {
        try? flush()
        fd.close()
    }
}
