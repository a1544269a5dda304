import CLinuxSys
import Glibc

/// Pseudo-terminal and controlling-terminal calls.
public enum Terminal {
    /// Opens a new pty master from `ptmx` and returns it with its slave's path.
    public static func openPTY(ptmx: String = "/dev/ptmx") throws(SystemError) -> (master: FileDescriptor, slavePath: String) {
        let master = try FileDescriptor.open(ptmx, O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        guard berth_ioctl_ptr(master.rawValue, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0 else {
            let error = SystemError("ioctl(TIOCSPTLCK)", ptmx)
            master.close()
            throw error
        }
        var number: UInt32 = 0
        guard berth_ioctl_ptr(master.rawValue, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            let error = SystemError("ioctl(TIOCGPTN)", ptmx)
            master.close()
            throw error
        }
        return (master, "/dev/pts/\(number)")
    }

    /// Makes `fd` the calling session's controlling terminal (TIOCSCTTY).
    public static func makeControlling(_ fd: FileDescriptor) throws(SystemError) {
        try syscallRetrying("ioctl(TIOCSCTTY)") { berth_ioctl_int(fd.rawValue, UInt(TIOCSCTTY), 0) }
    }

    /// Sets a terminal's window size (TIOCSWINSZ).
    public static func setWindowSize(_ fd: FileDescriptor, rows: UInt16, columns: UInt16) throws(SystemError) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try syscallRetrying("ioctl(TIOCSWINSZ)") { berth_ioctl_ptr(fd.rawValue, UInt(TIOCSWINSZ), &size) }
    }

    /// Sends a descriptor over a Unix socket (SCM_RIGHTS).
    public static func sendDescriptor(_ fd: FileDescriptor, over socket: FileDescriptor, payload: [UInt8] = []) throws(SystemError) {
        try syscallRetrying("sendmsg") {
            payload.withUnsafeBytes { raw in berth_send_fd(socket.rawValue, fd.rawValue, raw.baseAddress, raw.count) }
        }
    }

    /// Receives a descriptor sent with SCM_RIGHTS.
    public static func receiveDescriptor(over socket: FileDescriptor) throws(SystemError) -> FileDescriptor {
        var buffer = [UInt8](repeating: 0, count: 256)
        var length = buffer.count
        let fd = try syscallRetrying("recvmsg") {
            buffer.withUnsafeMutableBytes { raw in berth_recv_fd(socket.rawValue, raw.baseAddress, &length) }
        }
        return FileDescriptor(rawValue: fd)
    }

    /// Connects to a Unix stream socket at `path`.
    public static func connectUnix(_ path: String) throws(SystemError) -> FileDescriptor {
        let fd = try syscallRetrying("socket") { socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(fd)
            throw SystemError("connect", path, errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        }
        if result != 0 {
            let error = SystemError("connect", path)
            Glibc.close(fd)
            throw error
        }
        return FileDescriptor(rawValue: fd)
    }
}
