import Glibc

/// UTC wall-clock timestamps in RFC 3339 with nine fraction digits, the form
/// Docker writes in json-file logs and container state ("RFC3339NanoFixed").
public enum Timestamp {
    /// The current time, e.g. "2026-11-30T01:23:45.123456789Z".
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return format(seconds: Int(spec.tv_sec), nanoseconds: Int(spec.tv_nsec))
    }

    /// Formats seconds since the epoch plus nanoseconds, in UTC.
    public static func format(seconds: Int, nanoseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(30)
        append(Int(parts.tm_year) + 1900, width: 4, to: &bytes)
        bytes.append(0x2d)
        append(Int(parts.tm_mon) + 1, width: 2, to: &bytes)
        bytes.append(0x2d)
        append(Int(parts.tm_mday), width: 2, to: &bytes)
        bytes.append(0x54)
        append(Int(parts.tm_hour), width: 2, to: &bytes)
        bytes.append(0x3a)
        append(Int(parts.tm_min), width: 2, to: &bytes)
        bytes.append(0x3a)
        append(Int(parts.tm_sec), width: 2, to: &bytes)
        bytes.append(0x2e)
        append(nanoseconds, width: 9, to: &bytes)
        bytes.append(0x5a)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Monotonic seconds, for deadlines that must not jump with the wall clock.
    public static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Zero-padded decimal digits.
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits = [UInt8](repeating: 0x30, count: width)
        var rest = value
        var index = width - 1
        while index >= 0 && rest > 0 {
            digits[index] = 0x30 + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        bytes.append(contentsOf: digits)
    }
}
