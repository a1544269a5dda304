import Glibc

/// RFC 3339 timestamps in UTC (`2026-11-30T03:24:38.123456789Z`) without
/// Foundation's formatters, which load ICU — several megabytes resident for
/// what gmtime_r/timegm and a few digits do.
public enum RFC3339 {
    /// Formats seconds + nanoseconds since the epoch, with `fractionDigits`
    /// (0–9) digits after the point (none and no point when 0). Byte-level:
    /// the shim stamps every read of container output with it.
    public static func format(seconds: Int64, nanoseconds: Int = 0, fractionDigits: Int = 9) -> String {
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
        let width = max(0, min(9, fractionDigits))
        if width > 0 {
            var fraction = nanoseconds
            for _ in 0..<(9 - width) { fraction /= 10 }
            bytes.append(0x2e)
            append(fraction, width: width, to: &bytes)
        }
        bytes.append(0x5a)
        return String(decoding: bytes, as: UTF8.self)
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

    /// The current time, formatted.
    public static func now(fractionDigits: Int = 9) -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return format(seconds: Int64(spec.tv_sec), nanoseconds: spec.tv_nsec, fractionDigits: fractionDigits)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; nil for anything else.
    public static func parse(_ text: String) -> (seconds: Int64, nanoseconds: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 0x2d, let month = number(5, 2), bytes[7] == 0x2d, let day = number(8, 2),
              bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20, let hour = number(11, 2), bytes[13] == 0x3a,
              let minute = number(14, 2), bytes[16] == 0x3a, let second = number(17, 2) else { return nil }
        var index = 19
        var nanoseconds = 0
        if index < bytes.count, bytes[index] == 0x2e {
            index += 1
            var scale = 100_000_000
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                nanoseconds += Int(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 0x5a, 0x7a: index += 1
        case 0x2b, 0x2d:
            guard index + 6 == bytes.count, let hours = number(index + 1, 2), bytes[index + 3] == 0x3a,
                  let minutes = number(index + 4, 2) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 0x2d ? -1 : 1)
            index += 6
        default: return nil
        }
        guard index == bytes.count else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return (Int64(timegm(&parts)) - Int64(offset), nanoseconds)
    }
}
