import Glibc
import LinuxSys

/// Wall-clock helpers without Foundation.
enum Clock {
    /// Now as RFC 3339 with nanoseconds in UTC, the form OCI state and Docker use.
    static func rfc3339Now() -> String { RFC3339.now() }

    /// Monotonic time in milliseconds, for timeouts.
    static func monotonicMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// Sleeps for `milliseconds`.
    static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
