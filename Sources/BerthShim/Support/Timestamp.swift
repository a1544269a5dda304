import Glibc
import LinuxSys

/// The shim's clocks: UTC RFC 3339 with nine fraction digits (LinuxSys.RFC3339),
/// the form Docker writes in json-file logs, and monotonic deadlines.
public enum Timestamp {
    /// The current time, e.g. "2026-11-30T01:23:45.123456789Z".
    public static func now() -> String { RFC3339.now() }

    /// Monotonic seconds, for deadlines that must not jump with the wall clock.
    public static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
