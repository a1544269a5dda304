import CLinuxSys
import Glibc

/// An owned-by-convention file descriptor with typed, EINTR-safe I/O.
/// It is a plain value: whoever opened it closes it.
public struct FileDescriptor: Sendable, Hashable {
    /// The raw descriptor number.
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let standardInput = FileDescriptor(rawValue: 0)
    public static let standardOutput = FileDescriptor(rawValue: 1)
    public static let standardError = FileDescriptor(rawValue: 2)

    /// open(2), close-on-exec unless asked otherwise.
    public static func open(
        _ path: String, _ flags: Int32, mode: mode_t = 0o644, closeOnExec: Bool = true
    ) throws(SystemError) -> FileDescriptor {
        let all = flags | (closeOnExec ? O_CLOEXEC : 0)
        let fd = try syscallRetrying("open", path) { berth_open(path, all, mode) }
        return FileDescriptor(rawValue: fd)
    }

    /// openat(2) relative to this directory descriptor.
    public func openAt(
        _ path: String, _ flags: Int32, mode: mode_t = 0o644
    ) throws(SystemError) -> FileDescriptor {
        let fd = try syscallRetrying("openat", path) { berth_openat(rawValue, path, flags | O_CLOEXEC, mode) }
        return FileDescriptor(rawValue: fd)
    }

    /// close(2); errors are ignored because the descriptor is gone either way.
    public func close() { _ = Glibc.close(rawValue) }

    /// read(2) once into a buffer; returns 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        try syscallRetrying("read") { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// Reads until end of file.
    public func readAll() throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 16384, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk)
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes every byte, looping over short writes.
    public func writeAll(_ bytes: some Collection<UInt8>) throws(SystemError) {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let written = try syscallRetrying("write") {
                array.withUnsafeBytes { buffer in
                    Glibc.write(rawValue, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                }
            }
            offset += written
        }
    }

    /// Writes a string's UTF-8 bytes.
    public func writeAll(_ string: String) throws(SystemError) {
        try writeAll(Array(string.utf8))
    }

    /// dup2(2) onto `target`, which loses close-on-exec.
    public func duplicate(onto target: Int32) throws(SystemError) {
        try syscallRetrying("dup2") { dup2(rawValue, target) }
    }

    /// Sets or clears FD_CLOEXEC.
    public func setCloseOnExec(_ on: Bool) throws(SystemError) {
        let flags = try syscallRetrying("fcntl") { fcntl(rawValue, F_GETFD) }
        let updated = on ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC
        try syscallRetrying("fcntl") { fcntl(rawValue, F_SETFD, updated) }
    }
}

/// pipe2(2) with O_CLOEXEC: (read end, write end).
public func makePipe() throws(SystemError) -> (read: FileDescriptor, write: FileDescriptor) {
    var fds: [Int32] = [0, 0]
    try syscallRetrying("pipe2") { berth_pipe2(&fds, O_CLOEXEC) }
    return (FileDescriptor(rawValue: fds[0]), FileDescriptor(rawValue: fds[1]))
}

/// socketpair(2) of Unix stream sockets, close-on-exec.
public func makeSocketPair() throws(SystemError) -> (FileDescriptor, FileDescriptor) {
    var fds: [Int32] = [0, 0]
    try syscallRetrying("socketpair") {
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds)
    }
    return (FileDescriptor(rawValue: fds[0]), FileDescriptor(rawValue: fds[1]))
}
