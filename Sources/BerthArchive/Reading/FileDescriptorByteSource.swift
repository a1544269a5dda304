import Glibc

/// A ByteSource reading from an open file descriptor (file, pipe, socket); does not close it.
public struct FileDescriptorByteSource: ByteSource, Sendable {
    public let fileDescriptor: Int32

    /// A source over `fileDescriptor`, which the caller keeps owning.
    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// read(2), retried on EINTR.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(fileDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw TarError.io(operation: "read", errno: errno) }
        }
    }

    /// lseek(2) forward when the descriptor is seekable and the target is not past
    /// the end; otherwise reads and discards (pipes, or to report truncation).
    public mutating func skip(_ count: Int64) throws -> Int64 {
        var info = stat()
        if fstat(fileDescriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            let here = Int64(lseek(fileDescriptor, 0, SEEK_CUR))
            if here >= 0 {
                let target = min(Int64(info.st_size), here + count)
                if target >= here, Int64(lseek(fileDescriptor, off_t(target), SEEK_SET)) == target { return target - here }
            }
        }
        return try skipByReading(count)
    }
}
