import Glibc

/// Times printed and parsed as docker prints and parses them: Go's
/// `time.Time.String()` for `CreatedAt`, RFC 3339 with nanoseconds for events
/// and logs, and `--since`/`--until` values (durations, dates, unix seconds).
enum TimeFormat {
    /// Seconds since the epoch, now, with nanoseconds.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Go's `time.Unix(seconds, 0).String()` in local time: `2024-05-01 10:00:00 +0000 UTC`.
    static func goString(unix seconds: Int64) -> String {
        strftime(seconds, "%Y-%m-%d %H:%M:%S %z %Z")
    }

    /// RFC 3339 with nanoseconds as Go's `time.RFC3339Nano` (trailing zeros trimmed, `Z` for UTC), local time.
    static func rfc3339Nano(unixNano: Int64, fixed: Bool = false) -> String {
        let seconds = unixNano / 1_000_000_000
        let nanos = unixNano % 1_000_000_000
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        var text = strftime(seconds, "%Y-%m-%dT%H:%M:%S")
        if nanos > 0 || fixed {
            var fraction = String(nanos)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while !fixed, fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        let offset = parts.tm_gmtoff
        if offset == 0 { return text + "Z" }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return text + sign + pad2(minutes / 60) + ":" + pad2(minutes % 60)
    }

    private static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func strftime(_ seconds: Int64, _ format: String) -> String {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 128)
        let count = Glibc.strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Parses an RFC 3339 timestamp (`2024-05-01T10:00:00.5Z`, `…+02:00`) to unix seconds.
    static func parseRFC3339(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int32? {
            guard from + count <= bytes.count else { return nil }
            return Int32(String(decoding: bytes[from..<(from + count)], as: UTF8.self))
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        var result = Double(timegm(&parts))
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            var digits = ""
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                digits.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
            result += Double("0." + digits) ?? 0
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2) else { return nil }
            let offset = Double(offsetHours * 3600 + offsetMinutes * 60)
            result += bytes[index] == UInt8(ascii: "+") ? -offset : offset
        }
        return result
    }

    /// Parses a Go duration (`10s`, `1h30m`, `1.5h`, `300ms`) to seconds.
    static func parseGoDuration(_ text: String) -> Double? {
        var rest = Substring(text)
        var sign = 1.0
        if rest.first == "-" { sign = -1; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let numberPart = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(numberPart) else { return nil }
            rest = rest.dropFirst(numberPart.count)
            let unitPart = rest.prefix { !$0.isNumber && $0 != "." }
            rest = rest.dropFirst(unitPart.count)
            let scale: Double
            switch unitPart {
            case "ns": scale = 1e-9
            case "us", "µs": scale = 1e-6
            case "ms": scale = 1e-3
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            default: return nil
            }
            total += value * scale
        }
        return sign * total
    }

    /// docker's `GetTimestamp`: a value for `since`/`until` query parameters.
    /// Durations count back from `now`; dates become unix seconds; numbers pass through.
    static func apiTimestamp(_ value: String, now: Double = TimeFormat.now()) -> String {
        if let duration = parseGoDuration(value) {
            return secondsString(now - duration)
        }
        if let date = parseRFC3339(value) { return secondsString(date) }
        if value.count == 10, value.split(separator: "-").count == 3 {
            if let date = parseRFC3339(value + "T00:00:00Z") { return secondsString(date) }
        }
        return value
    }

    private static func secondsString(_ value: Double) -> String {
        let seconds = Int64(value.rounded(.down))
        let nanos = Int64(((value - Double(seconds)) * 1e9).rounded())
        var fraction = String(min(nanos, 999_999_999))
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        return "\(seconds).\(fraction)"
    }
}
