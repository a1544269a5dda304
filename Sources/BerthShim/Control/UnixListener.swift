import Glibc
import LinuxSys

/// A listening Unix stream socket at a path, non-blocking and close-on-exec:
/// the control socket and the console socket.
public enum UnixListener {
    /// Removes whatever is at `path`, binds a socket there with `mode` and listens.
    public static func listen(_ path: String, mode: mode_t = 0o600, backlog: Int32 = 16) throws(SystemError) -> FileDescriptor {
        let flags = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let fd = FileDescriptor(rawValue: try syscallRetrying("socket") { socket(AF_UNIX, flags, 0) })
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            fd.close()
            throw SystemError("bind", path, errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        unlink(path)
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        // The umask makes the socket file 0600 from the start: no window in
        // which another user could connect.
        let previous = umask(~mode & 0o777)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd.rawValue, $0, length) }
        }
        let bindErrno = currentErrno()
        umask(previous)
        if bound != 0 {
            fd.close()
            throw SystemError("bind", path, errno: bindErrno)
        }
        do {
            try syscallRetrying("listen", path) { Glibc.listen(fd.rawValue, backlog) }
        } catch {
            fd.close()
            unlink(path)
            throw error
        }
        return fd
    }

    /// accept(2) of a waiting connection, made close-on-exec (the shim is
    /// single-threaded, so no spawn can slip in between) and non-blocking if
    /// asked; nil when none waits.
    public static func accept(_ listener: FileDescriptor, nonBlocking: Bool = true) -> FileDescriptor? {
        while true {
            let raw = Glibc.accept(listener.rawValue, nil, nil)
            if raw < 0 {
                if currentErrno() == EINTR { continue }
                return nil
            }
            let fd = FileDescriptor(rawValue: raw)
            try? fd.setCloseOnExec(true)
            let flags = fcntl(raw, F_GETFL)
            if flags >= 0 { _ = fcntl(raw, F_SETFL, nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK) }
            return fd
        }
    }
}
