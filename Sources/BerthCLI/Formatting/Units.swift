import Glibc

/// Sizes and durations written and read the way docker does (go-units):
/// `1.98MB` (base 1000, 3 significant digits), `About a minute`, `64m` → bytes.
enum Units {
    private static let decimalUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
    private static let binaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]

    /// go-units `HumanSizeWithPrecision(size, precision)`: `%.Ng` plus a decimal unit.
    static func humanSize(_ size: Double, precision: Int = 3) -> String {
        var value = size
        var unit = 0
        while value >= 1000, unit < decimalUnits.count - 1 {
            value /= 1000
            unit += 1
        }
        return formatG(value, precision: precision) + decimalUnits[unit]
    }

    /// go-units `BytesSize`: `%.4g` with binary units (stats memory columns).
    static func bytesSize(_ size: Double) -> String {
        var value = size
        var unit = 0
        while value >= 1024, unit < binaryUnits.count - 1 {
            value /= 1024
            unit += 1
        }
        return formatG(value, precision: 4) + binaryUnits[unit]
    }

    /// C's (and Go's) `%.Ng`.
    static func formatG(_ value: Double, precision: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(precision), value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, "%.*g", args) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// C's `%.Nf`.
    static func formatF(_ value: Double, decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(decimals), value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, "%.*f", args) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// go-units `HumanDuration`: "Less than a second", "About a minute", "3 hours", "2 weeks".
    static func humanDuration(seconds total: Double) -> String {
        let seconds = Int(total)
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = Int(total / 60)
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int(total / 3600 + 0.5)
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(Int(total / 3600) / 24 / 365) years"
    }

    /// go-units `RAMInBytes`: `64m`, `1.5g`, `512k`, `100` (bytes), binary multiples.
    static func ramInBytes(_ text: String) -> Int64? {
        var digits = Substring(text)
        var suffix = ""
        while let last = digits.last, last.isLetter {
            suffix = String(last) + suffix
            digits = digits.dropLast()
        }
        if digits.hasSuffix(" ") { digits = digits.dropLast() }
        guard let number = Double(digits), number >= 0, !digits.isEmpty, digits.first?.isNumber == true else { return nil }
        var lower = suffix.lowercased()
        if lower.hasSuffix("b") { lower.removeLast() }
        if lower.hasSuffix("i") { lower.removeLast() }
        let multiplier: Double
        switch lower {
        case "": multiplier = 1
        case "k": multiplier = 1024
        case "m": multiplier = 1024 * 1024
        case "g": multiplier = 1024 * 1024 * 1024
        case "t": multiplier = 1024 * 1024 * 1024 * 1024
        case "p": multiplier = 1024 * 1024 * 1024 * 1024 * 1024
        default: return nil
        }
        return Int64(number * multiplier)
    }
}
