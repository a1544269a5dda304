/// Escapes bytes into the body of a JSON string the way Go's encoder (and so
/// Docker's json-file driver) does: invalid UTF-8 becomes U+FFFD, control
/// characters, `<`, `>`, `&`, U+2028 and U+2029 become escapes.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the escaped form of `raw` (without surrounding quotes) to `output`.
    public static func appendEscaped(_ raw: some Collection<UInt8>, to output: inout [UInt8]) {
        // Decoding repairs invalid UTF-8 (U+FFFD), as Go does; native strings
        // are contiguous, so the bytes are read in place and written through a
        // pointer into room made up front (at most 6 bytes per input byte).
        var text = String(decoding: raw, as: UTF8.self)
        text.withUTF8 { utf8 in
            let start = output.count
            let room = utf8.count * 6
            output.append(contentsOf: repeatElement(0, count: room))
            let written = output.withUnsafeMutableBufferPointer { buffer -> Int in
                var out = start
                func put(_ byte: UInt8) {
                    buffer[out] = byte
                    out += 1
                }
                func unicode(_ value: UInt16) {
                    put(0x5c); put(0x75)
                    put(hex[Int(value >> 12) & 0xf]); put(hex[Int(value >> 8) & 0xf])
                    put(hex[Int(value >> 4) & 0xf]); put(hex[Int(value) & 0xf])
                }
                var index = 0
                let count = utf8.count
                while index < count {
                    let byte = utf8[index]
                    switch byte {
                    case 0x22: put(0x5c); put(0x22)
                    case 0x5c: put(0x5c); put(0x5c)
                    case 0x0a: put(0x5c); put(0x6e)
                    case 0x0d: put(0x5c); put(0x72)
                    case 0x09: put(0x5c); put(0x74)
                    case 0x3c, 0x3e, 0x26: unicode(UInt16(byte))
                    case 0xe2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xa8 || utf8[index + 2] == 0xa9):
                        unicode(utf8[index + 2] == 0xa8 ? 0x2028 : 0x2029)
                        index += 2
                    default:
                        if byte < 0x20 { unicode(UInt16(byte)) } else { put(byte) }
                    }
                    index += 1
                }
                return out - start
            }
            output.removeLast(room - written)
        }
    }

    /// A whole quoted JSON string.
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = [0x22]
        appendEscaped(Array(text.utf8), to: &output)
        output.append(0x22)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendUnicodeEscape(_ value: UInt16, to output: inout [UInt8]) {
        output.append(0x5c)
        output.append(0x75)
        output.append(hex[Int(value >> 12) & 0xf])
        output.append(hex[Int(value >> 8) & 0xf])
        output.append(hex[Int(value >> 4) & 0xf])
        output.append(hex[Int(value) & 0xf])
    }
}
