import Glibc

/// RFC 3339 timestamps in UTC (`2026-11-30T03:24:38.123456789Z`) without
/// Foundation's formatters, which load ICU — several megabytes resident for
/// what gmtime_r/timegm and a few digits do.
public enum RFC3339 {
    /// Formats seconds + nanoseconds since the epoch, with `fractionDigits`
    /// (0–9) digits after the point (none and no point when 0).
    public static func format(seconds: Int64, nanoseconds: Int = 0, fractionDigits: Int = 9) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var text = ""
        text.reserveCapacity(30)
        func digits(_ value: Int, _ width: Int) {
            var number = String(value)
            while number.utf8.count < width { number = "0" + number }
            text += number
        }
        digits(Int(parts.tm_year) + 1900, 4)
        text += "-"
        digits(Int(parts.tm_mon) + 1, 2)
        text += "-"
        digits(Int(parts.tm_mday), 2)
        text += "T"
        digits(Int(parts.tm_hour), 2)
        text += ":"
        digits(Int(parts.tm_min), 2)
        text += ":"
        digits(Int(parts.tm_sec), 2)
        let width = max(0, min(9, fractionDigits))
        if width > 0 {
            var fraction = nanoseconds
            for _ in 0..<(9 - width) { fraction /= 10 }
            text += "."
            digits(fraction, width)
        }
        return text + "Z"
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
