// A Foundation-free JSON document model used by the OCI runtime.

/// A JSON document tree; numbers keep their source lexeme so 64-bit integers round-trip exactly.
///
/// Objects are ordered lists of members (duplicates are kept as parsed) so that
/// serialization is deterministic and mirrors the input or encoding order.
public enum JSONValue: Sendable, Equatable {
    /// The JSON `null` literal.
    case null
    /// A JSON `true` or `false`.
    case bool(Bool)
    /// A JSON number, stored as its literal lexeme (e.g. `"-12"`, `"1.5e3"`) to avoid precision loss.
    case number(String)
    /// A JSON string (already unescaped).
    case string(String)
    /// A JSON array.
    case array([JSONValue])
    /// A JSON object as ordered `(key, value)` members; insertion order is preserved.
    case object([(String, JSONValue)])

    /// Structural equality; numbers compare by lexeme and object members compare in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case let (.bool(a), .bool(b)):
            return a == b
        case let (.number(a), .number(b)):
            return a == b
        case let (.string(a), .string(b)):
            return a == b
        case let (.array(a), .array(b)):
            return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.0 != y.0 || x.1 != y.1 {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// The member named `key` when this is an object (the last occurrence wins, like most JSON decoders).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for (name, value) in members.reversed() where name == key {
            return value
        }
        return nil
    }

    /// The string payload, or nil when this is not a string.
    public var stringValue: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    /// The number as an exact `Int64`, or nil when not an integral number in range.
    public var int64Value: Int64? {
        guard case .number(let lexeme) = self else { return nil }
        return Int64(lexeme, radix: 10)
    }

    /// The number as an exact `UInt64`, or nil when not a non-negative integral number in range.
    public var uint64Value: UInt64? {
        guard case .number(let lexeme) = self else { return nil }
        if lexeme == "-0" { return 0 }
        return UInt64(lexeme, radix: 10)
    }

    /// The number as a finite `Double` (possibly rounded), or nil when not a number.
    public var doubleValue: Double? {
        guard case .number(let lexeme) = self, let d = Double(lexeme), d.isFinite else { return nil }
        return d
    }

    /// The boolean payload, or nil when this is not `true`/`false`.
    public var boolValue: Bool? {
        guard case .bool(let b) = self else { return nil }
        return b
    }

    /// The elements, or nil when this is not an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The ordered members, or nil when this is not an object.
    public var objectValue: [(String, JSONValue)]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// True when this is the `null` literal.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
