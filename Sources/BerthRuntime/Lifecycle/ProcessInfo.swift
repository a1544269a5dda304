import Glibc
import LinuxSys

/// Facts about a host process from /proc, used to tell a live container init
/// from a dead one or a recycled pid.
enum ProcessInfo {
    /// Field 22 of /proc/PID/stat (start time in clock ticks), or nil if gone.
    static func startTime(_ pid: Int32) -> String? { statFields(pid).map { $0.count > 19 ? $0[19] : "" } }

    /// The one-letter state (R, S, Z, ...), or nil if gone.
    static func state(_ pid: Int32) -> String? { statFields(pid).flatMap { $0.first } }

    /// Fields after "(comm)" in /proc/PID/stat: index 0 is field 3 (state).
    private static func statFields(_ pid: Int32) -> [String]? {
        guard pid > 0, let text = try? FileSystem.readString("/proc/\(pid)/stat"),
              let close = text.utf8.lastIndex(of: 0x29) else { return nil }  // ")"
        return text[text.utf8.index(after: close)...].splitBytes(0x20).map(String.init)
    }

    /// Whether `record`'s init is alive (not a zombie, not a recycled pid).
    static func isAlive(pid: Int32, startTime: String) -> Bool {
        // One read of /proc/PID/stat for both the state and the start time.
        guard let fields = statFields(pid), let state = fields.first, state != "Z", state != "X" else { return false }
        return fields.count > 19 && fields[19] == startTime
    }
}
