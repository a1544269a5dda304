import Glibc

/// Puts this process's terminal in raw mode for `run -t`/`exec -t` (keys go
/// to the container unprocessed) and restores it afterwards.
final class RawTerminal {
    private var saved = termios()
    private let fd: Int32
    private var active = false

    /// Switches `fd` to raw mode when it is a terminal.
    init(fd: Int32 = 0) {
        self.fd = fd
        guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return }
        var raw = saved
        cfmakeraw(&raw)
        raw.c_oflag = saved.c_oflag
        if tcsetattr(fd, TCSANOW, &raw) == 0 { active = true }
    }

    /// Restores the saved mode.
    func restore() {
        if active { tcsetattr(fd, TCSANOW, &saved); active = false }
    }

    deinit { restore() }

    /// The terminal size of stdout (rows, columns), or (0, 0) when not a terminal.
    static func size() -> (rows: Int, columns: Int) {
        var size = winsize()
        guard isatty(1) == 1, ioctlWindowSize(1, &size) else { return (0, 0) }
        return (Int(size.ws_row), Int(size.ws_col))
    }

    private static func ioctlWindowSize(_ fd: Int32, _ size: inout winsize) -> Bool {
        withUnsafeMutablePointer(to: &size) { pointer in ioctl(fd, UInt(TIOCGWINSZ), pointer) == 0 }
    }
}
