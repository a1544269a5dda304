/// Reads and writes tar's numeric header fields: NUL/space-terminated octal, or
/// GNU/star base-256 (high bit of the first byte set) for values octal cannot hold.
enum NumericField {
    /// Parses a field; nil when it is neither valid octal nor base-256.
    static func parse(_ field: ArraySlice<UInt8>) -> Int64? {
        guard let first = field.first else { return 0 }
        if first & 0x80 != 0 { return parseBase256(field) }
        var value: Int64 = 0
        var index = field.startIndex
        while index < field.endIndex, field[index] == UInt8(ascii: " ") || field[index] == 0 { index += 1 }
        var sawDigit = false
        while index < field.endIndex {
            let byte = field[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else { break }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 8)
            guard !overflow else { return nil }
            value = shifted + Int64(byte - UInt8(ascii: "0"))
            sawDigit = true
            index += 1
        }
        // Only NULs and spaces may follow the digits.
        while index < field.endIndex {
            guard field[index] == 0 || field[index] == UInt8(ascii: " ") else { return nil }
            index += 1
        }
        return sawDigit ? value : 0
    }

    /// Two's-complement big-endian value after the 0x80/0xff marker bit.
    private static func parseBase256(_ field: ArraySlice<UInt8>) -> Int64? {
        guard let first = field.first else { return nil }
        let negative = first & 0x40 != 0
        var value: Int64 = negative ? -1 : 0
        for (position, byte) in field.enumerated() {
            let bits = position == 0 ? (byte & 0x7f) | (negative ? 0x80 : 0) : byte
            // Reject values that do not fit 64 bits.
            let top = value >> 55
            guard top == 0 || top == -1 else { return nil }
            value = (value << 8) | Int64(bits)
        }
        return value
    }

    /// Whether `value` fits `width` bytes as octal digits plus a terminating NUL.
    static func fitsOctal(_ value: Int64, width: Int) -> Bool {
        value >= 0 && value < (Int64(1) << (3 * Int64(width - 1)))
    }

    /// Formats `value` as zero-padded octal in `width - 1` digits plus NUL, or as
    /// base-256 when it does not fit; nil when even base-256 cannot hold it.
    static func format(_ value: Int64, width: Int) -> [UInt8]? {
        if fitsOctal(value, width: width) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width - 1)
            var remaining = value
            var index = width - 2
            while remaining > 0, index >= 0 {
                digits[index] = UInt8(ascii: "0") + UInt8(remaining & 7)
                remaining >>= 3
                index -= 1
            }
            return digits + [0]
        }
        // Narrow fields (uid, devmajor) hold non-negative values below 2^(8·width − 1).
        guard width >= 9 || (value >= 0 && value >> (8 * width - 1) == 0) else { return nil }
        var bytes = [UInt8](repeating: value < 0 ? 0xff : 0, count: width)
        var remaining = value
        for index in stride(from: width - 1, to: max(-1, width - 9), by: -1) {
            bytes[index] = UInt8(truncatingIfNeeded: remaining)
            remaining >>= 8
        }
        bytes[0] |= 0x80
        return bytes
    }
}
