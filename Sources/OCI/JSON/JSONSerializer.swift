// Serialization of JSONValue to compact or indented UTF-8 text.

extension JSONValue {
    /// Renders this value as JSON text: compact by default, or indented by two spaces like Go's `json.MarshalIndent`.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// Renders this value as UTF-8 JSON bytes, ready to write to a file descriptor without extra copies.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        _JSONWriter.write(self, into: &out, pretty: pretty, indent: 0)
        return out
    }
}

/// Appends JSON text for values to a byte buffer.
enum _JSONWriter {
    static func write(_ value: JSONValue, into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let lexeme):
            out.append(contentsOf: lexeme.utf8)
        case .string(let s):
            writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(_ASCII.openBracket)
                out.append(_ASCII.closeBracket)
                return
            }
            out.append(_ASCII.openBracket)
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(_ASCII.comma) }
                if pretty { newline(into: &out, indent: indent + 1) }
                write(element, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(into: &out, indent: indent) }
            out.append(_ASCII.closeBracket)
        case .object(let members):
            if members.isEmpty {
                out.append(_ASCII.openBrace)
                out.append(_ASCII.closeBrace)
                return
            }
            out.append(_ASCII.openBrace)
            for (i, (key, member)) in members.enumerated() {
                if i > 0 { out.append(_ASCII.comma) }
                if pretty { newline(into: &out, indent: indent + 1) }
                writeString(key, into: &out)
                out.append(_ASCII.colon)
                if pretty { out.append(_ASCII.space) }
                write(member, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(into: &out, indent: indent) }
            out.append(_ASCII.closeBrace)
        }
    }

    private static func newline(into out: inout [UInt8], indent: Int) {
        out.append(_ASCII.newline)
        for _ in 0..<(indent * 2) {
            out.append(_ASCII.space)
        }
    }

    /// Writes a quoted string, escaping `"`, `\` and control characters (but not `/`).
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(_ASCII.quote)
        for b in s.utf8 {
            switch b {
            case _ASCII.quote:
                out.append(_ASCII.backslash)
                out.append(_ASCII.quote)
            case _ASCII.backslash:
                out.append(_ASCII.backslash)
                out.append(_ASCII.backslash)
            case 0x0A:
                out.append(_ASCII.backslash)
                out.append(UInt8(ascii: "n"))
            case 0x09:
                out.append(_ASCII.backslash)
                out.append(UInt8(ascii: "t"))
            case 0x0D:
                out.append(_ASCII.backslash)
                out.append(UInt8(ascii: "r"))
            case 0x08:
                out.append(_ASCII.backslash)
                out.append(UInt8(ascii: "b"))
            case 0x0C:
                out.append(_ASCII.backslash)
                out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(contentsOf: _hex2(b).utf8)
            default:
                out.append(b)
            }
        }
        out.append(_ASCII.quote)
    }
}
