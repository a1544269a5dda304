// A strict RFC 8259 JSON parser over raw bytes.

/// Strict RFC 8259 JSON parser producing `JSONValue`; used to read OCI config files without Foundation.
///
/// Rejects trailing input, trailing commas, leading zeros, unescaped control
/// characters, invalid escapes and unpaired UTF-16 surrogates. Nesting deeper
/// than `maxDepth` is rejected. Invalid UTF-8 inside strings is not an error:
/// each ill-formed sequence is replaced with U+FFFD (as Go's encoding/json does).
/// A leading byte-order mark is not accepted.
public enum JSONParser {
    /// Maximum nesting depth of arrays and objects, which bounds recursion.
    public static let maxDepth = 512

    /// Parses one complete JSON document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> JSONValue in
            var state = _JSONParserState(buffer)
            return try state.parseDocument()
        }
    }

    /// Parses one complete JSON document from a string.
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer -> Result<JSONValue, JSONError> in
            var state = _JSONParserState(buffer)
            do throws(JSONError) {
                return .success(try state.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// ASCII byte constants used by the parser and serializer.
enum _ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let lowerE = UInt8(ascii: "e")
    static let upperE = UInt8(ascii: "E")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}

/// Cursor over the input bytes; one instance parses one document.
struct _JSONParserState {
    private let buf: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var depth = 0
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buf = buffer
    }

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        if pos < buf.count {
            throw error("unexpected \(describeByte(buf[pos])) after JSON value")
        }
        return value
    }

    // MARK: - Helpers

    private func error(_ message: String) -> JSONError {
        JSONError(message: message, offset: pos)
    }

    private func error(_ message: String, at offset: Int) -> JSONError {
        JSONError(message: message, offset: offset)
    }

    private func describeByte(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F {
            return "'\(Character(Unicode.Scalar(b)))'"
        }
        return "byte 0x" + _hex2(b)
    }

    private mutating func skipWhitespace() {
        while pos < buf.count {
            let b = buf[pos]
            if b == _ASCII.space || b == _ASCII.newline || b == _ASCII.carriageReturn || b == _ASCII.tab {
                pos += 1
            } else {
                return
            }
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool {
        b >= _ASCII.zero && b <= _ASCII.nine
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard pos < buf.count else { throw error("unexpected end of input") }
        switch buf[pos] {
        case _ASCII.openBrace:
            return try parseObject()
        case _ASCII.openBracket:
            return try parseArray()
        case _ASCII.quote:
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case _ASCII.minus, _ASCII.zero..._ASCII.nine:
            return .number(try parseNumber())
        default:
            throw error("unexpected \(describeByte(buf[pos])), expected a JSON value")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(JSONError) {
        let start = pos
        let count = word.utf8CodeUnitCount
        guard buf.count - pos >= count else {
            throw error("invalid literal, expected '\(word)'", at: start)
        }
        let expected = word.utf8Start
        for i in 0..<count where buf[pos + i] != expected[i] {
            throw error("invalid literal, expected '\(word)'", at: start)
        }
        pos += count
    }

    private mutating func enterContainer() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw error("nesting depth exceeds \(JSONParser.maxDepth)")
        }
    }

    private mutating func parseArray() throws(JSONError) -> JSONValue {
        try enterContainer()
        pos += 1  // '['
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < buf.count && buf[pos] == _ASCII.closeBracket {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard pos < buf.count else { throw error("unexpected end of input, expected ',' or ']'") }
            let b = buf[pos]
            if b == _ASCII.comma {
                pos += 1
                skipWhitespace()
                if pos < buf.count && buf[pos] == _ASCII.closeBracket {
                    throw error("trailing comma before ']'")
                }
            } else if b == _ASCII.closeBracket {
                pos += 1
                break
            } else {
                throw error("expected ',' or ']'")
            }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONError) -> JSONValue {
        try enterContainer()
        pos += 1  // '{'
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if pos < buf.count && buf[pos] == _ASCII.closeBrace {
            pos += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard pos < buf.count else { throw error("unexpected end of input, expected string key") }
            guard buf[pos] == _ASCII.quote else {
                throw error("expected string key, found \(describeByte(buf[pos]))")
            }
            let key = try parseString()
            skipWhitespace()
            guard pos < buf.count else { throw error("unexpected end of input, expected ':'") }
            guard buf[pos] == _ASCII.colon else { throw error("expected ':' after object key") }
            pos += 1
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard pos < buf.count else { throw error("unexpected end of input, expected ',' or '}'") }
            let b = buf[pos]
            if b == _ASCII.comma {
                pos += 1
                skipWhitespace()
                if pos < buf.count && buf[pos] == _ASCII.closeBrace {
                    throw error("trailing comma before '}'")
                }
            } else if b == _ASCII.closeBrace {
                pos += 1
                break
            } else {
                throw error("expected ',' or '}'")
            }
        }
        depth -= 1
        return .object(members)
    }

    // MARK: - Numbers

    /// Validates `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?` and returns the lexeme.
    private mutating func parseNumber() throws(JSONError) -> String {
        let start = pos
        if buf[pos] == _ASCII.minus {
            pos += 1
        }
        guard pos < buf.count, Self.isDigit(buf[pos]) else {
            throw error("expected digit after '-'")
        }
        if buf[pos] == _ASCII.zero {
            pos += 1
            if pos < buf.count && Self.isDigit(buf[pos]) {
                throw error("leading zeros are not allowed in numbers")
            }
        } else {
            while pos < buf.count && Self.isDigit(buf[pos]) { pos += 1 }
        }
        if pos < buf.count && buf[pos] == _ASCII.dot {
            pos += 1
            guard pos < buf.count, Self.isDigit(buf[pos]) else {
                throw error("expected digit after decimal point")
            }
            while pos < buf.count && Self.isDigit(buf[pos]) { pos += 1 }
        }
        if pos < buf.count && (buf[pos] == _ASCII.lowerE || buf[pos] == _ASCII.upperE) {
            pos += 1
            if pos < buf.count && (buf[pos] == _ASCII.plus || buf[pos] == _ASCII.minus) {
                pos += 1
            }
            guard pos < buf.count, Self.isDigit(buf[pos]) else {
                throw error("expected digit in exponent")
            }
            while pos < buf.count && Self.isDigit(buf[pos]) { pos += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONError) -> String {
        let open = pos
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < buf.count {
            let b = buf[pos]
            if b == _ASCII.quote {
                let s = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if b == _ASCII.backslash { break }
            if b < 0x20 { throw error("unescaped control character in string") }
            pos += 1
        }
        guard pos < buf.count else { throw error("unterminated string", at: open) }

        // Slow path: decode escapes into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<pos]))
        while pos < buf.count {
            let b = buf[pos]
            if b == _ASCII.quote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if b == _ASCII.backslash {
                try parseEscape()
            } else if b < 0x20 {
                throw error("unescaped control character in string")
            } else {
                scratch.append(b)
                pos += 1
            }
        }
        throw error("unterminated string", at: open)
    }

    /// Decodes one escape sequence at `pos` (the backslash) into `scratch`.
    private mutating func parseEscape() throws(JSONError) {
        guard pos + 1 < buf.count else { throw error("unterminated string") }
        let c = buf[pos + 1]
        switch c {
        case _ASCII.quote, _ASCII.backslash, _ASCII.slash:
            scratch.append(c)
        case UInt8(ascii: "b"):
            scratch.append(0x08)
        case UInt8(ascii: "f"):
            scratch.append(0x0C)
        case UInt8(ascii: "n"):
            scratch.append(0x0A)
        case UInt8(ascii: "r"):
            scratch.append(0x0D)
        case UInt8(ascii: "t"):
            scratch.append(0x09)
        case UInt8(ascii: "u"):
            try parseUnicodeEscape()
            return
        default:
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(c)))'")
        }
        pos += 2
    }

    /// Reads four hex digits at `at`, returning the code unit.
    private func hex4(at offset: Int) throws(JSONError) -> UInt32 {
        guard offset + 4 <= buf.count else {
            throw error("invalid \\u escape: expected 4 hex digits", at: offset)
        }
        var v: UInt32 = 0
        for i in offset..<(offset + 4) {
            let b = buf[i]
            let d: UInt8
            switch b {
            case _ASCII.zero..._ASCII.nine: d = b - _ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits", at: offset)
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Decodes `\uXXXX` (and a following low surrogate if needed) at `pos` into UTF-8.
    private mutating func parseUnicodeEscape() throws(JSONError) {
        let escapeStart = pos
        let unit = try hex4(at: pos + 2)
        var scalar = unit
        var consumed = 6
        if unit >= 0xD800 && unit <= 0xDBFF {
            let next = pos + 6
            guard next + 1 < buf.count, buf[next] == _ASCII.backslash, buf[next + 1] == UInt8(ascii: "u") else {
                throw error("unpaired high surrogate in \\u escape", at: escapeStart)
            }
            let low = try hex4(at: next + 2)
            guard low >= 0xDC00 && low <= 0xDFFF else {
                throw error("high surrogate not followed by a low surrogate", at: escapeStart)
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            consumed = 12
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            throw error("unpaired low surrogate in \\u escape", at: escapeStart)
        }
        appendUTF8(scalar)
        pos += consumed
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (v >> 6)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (v >> 12)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (v >> 18)))
            scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

/// Two lowercase hex digits for a byte.
func _hex2(_ b: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
}
