import Glibc

/// A ByteSink writing to an open file descriptor; does not close it.
public struct FileDescriptorByteSink: ByteSink, Sendable {
    public let fileDescriptor: Int32

    /// A sink over `fileDescriptor`, which the caller keeps owning.
    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// write(2) until everything is written, retried on EINTR.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fileDescriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if count > 0 {
                offset += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                throw TarError.io(operation: "write", errno: count < 0 ? errno : EIO)
            }
        }
    }
}
