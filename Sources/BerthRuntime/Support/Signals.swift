import Glibc
import LinuxSys

/// Signal names as `kill` and Docker spell them, so users can say TERM,
/// SIGTERM or 15 interchangeably.
public enum SignalName {
    static let table: [(String, Int32)] = [
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ILL", 4), ("TRAP", 5), ("ABRT", 6), ("IOT", 6), ("BUS", 7),
        ("FPE", 8), ("KILL", 9), ("USR1", 10), ("SEGV", 11), ("USR2", 12), ("PIPE", 13), ("ALRM", 14),
        ("TERM", 15), ("STKFLT", 16), ("CHLD", 17), ("CONT", 18), ("STOP", 19), ("TSTP", 20), ("TTIN", 21),
        ("TTOU", 22), ("URG", 23), ("XCPU", 24), ("XFSZ", 25), ("VTALRM", 26), ("PROF", 27), ("WINCH", 28),
        ("IO", 29), ("POLL", 29), ("PWR", 30), ("SYS", 31),
    ]

    /// Parses "TERM", "SIGTERM", "15" or "RTMIN+3"; nil if it names no signal.
    public static func parse(_ text: String) -> Int32? {
        if let number = Int32(text) { return (1...64).contains(number) ? number : nil }
        var name = text.asciiUppercased()
        if name.hasPrefix("SIG") { name = String(name.dropFirst(3)) }
        if let match = table.first(where: { $0.0 == name }) { return match.1 }
        if name.hasPrefix("RTMIN") {
            let rest = name.dropFirst(5)
            if rest.isEmpty { return 34 }
            if rest.hasPrefix("+"), let offset = Int32(rest.dropFirst()), (0...30).contains(offset) { return 34 + offset }
        }
        if name.hasPrefix("RTMAX") {
            let rest = name.dropFirst(5)
            if rest.isEmpty { return 64 }
            if rest.hasPrefix("-"), let offset = Int32(rest.dropFirst()), (0...30).contains(offset) { return 64 - offset }
        }
        return nil
    }
}
