// Shared internals of JSONValueDecoder and JSONValueEncoder: coding keys,
// lazily built coding paths, and fast paths for scalar types.

/// A coding key for array indices (`"Index N"`, like Foundation) and synthesized keys such as `super`.
struct _JSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    init(index: Int) {
        self.init(intValue: index)
    }

    static let superKey = _JSONKey(stringValue: "super")
}

/// A coding path built only when needed (errors, nested coders), to avoid an array copy per scalar.
struct _JSONCodingLocation {
    let base: [any CodingKey]
    let key: (any CodingKey)?

    init(_ base: [any CodingKey], _ key: (any CodingKey)?) {
        self.base = base
        self.key = key
    }

    var path: [any CodingKey] {
        guard let key else { return base }
        var p = base
        p.append(key)
        return p
    }
}

/// Human-readable name of a JSON value's kind, used in error messages.
func _jsonKindName(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
}

// MARK: - Scalars

/// Types decoded and encoded directly from/to a JSON scalar, bypassing the generic Decoder machinery.
protocol _JSONScalar {
    static func _unboxJSON(_ value: JSONValue, at location: _JSONCodingLocation) throws -> Self
    func _boxJSON(at location: _JSONCodingLocation) throws -> JSONValue
}

/// Shared integer conversion for all fixed-width integer types.
protocol _JSONInteger: _JSONScalar, FixedWidthInteger {}

extension _JSONInteger {
    static func _unboxJSON(_ value: JSONValue, at location: _JSONCodingLocation) throws -> Self {
        let lexeme = try _jsonNumberLexeme(value, expecting: Self.self, at: location)
        if let v = Self(lexeme, radix: 10) {
            return v
        }
        if lexeme == "-0" {
            return 0
        }
        let integral = lexeme.utf8.allSatisfy { $0 == _ASCII.minus || ($0 >= _ASCII.zero && $0 <= _ASCII.nine) }
        let reason = integral ? "does not fit in \(Self.self)" : "is not an integer"
        throw DecodingError.dataCorrupted(.init(
            codingPath: location.path,
            debugDescription: "number \(lexeme) \(reason)"))
    }

    func _boxJSON(at location: _JSONCodingLocation) throws -> JSONValue {
        .number(String(self))
    }
}

extension Int: _JSONInteger {}
extension Int8: _JSONInteger {}
extension Int16: _JSONInteger {}
extension Int32: _JSONInteger {}
extension Int64: _JSONInteger {}
extension UInt: _JSONInteger {}
extension UInt8: _JSONInteger {}
extension UInt16: _JSONInteger {}
extension UInt32: _JSONInteger {}
extension UInt64: _JSONInteger {}

extension String: _JSONScalar {
    static func _unboxJSON(_ value: JSONValue, at location: _JSONCodingLocation) throws -> String {
        if case .string(let s) = value { return s }
        throw _jsonMismatch(String.self, value, at: location)
    }

    func _boxJSON(at location: _JSONCodingLocation) throws -> JSONValue {
        .string(self)
    }
}

extension Bool: _JSONScalar {
    static func _unboxJSON(_ value: JSONValue, at location: _JSONCodingLocation) throws -> Bool {
        if case .bool(let b) = value { return b }
        throw _jsonMismatch(Bool.self, value, at: location)
    }

    func _boxJSON(at location: _JSONCodingLocation) throws -> JSONValue {
        .bool(self)
    }
}

extension Double: _JSONScalar {
    static func _unboxJSON(_ value: JSONValue, at location: _JSONCodingLocation) throws -> Double {
        let lexeme = try _jsonNumberLexeme(value, expecting: Double.self, at: location)
        guard let d = Double(lexeme), d.isFinite else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: location.path,
                debugDescription: "number \(lexeme) is not representable as Double"))
        }
        return d
    }

    func _boxJSON(at location: _JSONCodingLocation) throws -> JSONValue {
        guard isFinite else {
            throw EncodingError.invalidValue(self, .init(
                codingPath: location.path,
                debugDescription: "cannot encode non-finite Double \(self) in JSON"))
        }
        return .number(_jsonFloatLexeme(description))
    }
}

extension Float: _JSONScalar {
    static func _unboxJSON(_ value: JSONValue, at location: _JSONCodingLocation) throws -> Float {
        let lexeme = try _jsonNumberLexeme(value, expecting: Float.self, at: location)
        guard let f = Float(lexeme), f.isFinite else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: location.path,
                debugDescription: "number \(lexeme) is not representable as Float"))
        }
        return f
    }

    func _boxJSON(at location: _JSONCodingLocation) throws -> JSONValue {
        guard isFinite else {
            throw EncodingError.invalidValue(self, .init(
                codingPath: location.path,
                debugDescription: "cannot encode non-finite Float \(self) in JSON"))
        }
        return .number(_jsonFloatLexeme(description))
    }
}

/// Strips a trailing `.0` from Swift's shortest round-trip float description (1.0 → `1`).
func _jsonFloatLexeme(_ description: String) -> String {
    guard description.hasSuffix(".0") else { return description }
    return String(description.dropLast(2))
}

/// Returns the number lexeme, or throws typeMismatch/valueNotFound for other kinds.
func _jsonNumberLexeme(_ value: JSONValue, expecting type: Any.Type, at location: _JSONCodingLocation) throws -> String {
    if case .number(let lexeme) = value { return lexeme }
    throw _jsonMismatch(type, value, at: location)
}

/// The error for a value of the wrong kind: valueNotFound for null, typeMismatch otherwise.
func _jsonMismatch(_ type: Any.Type, _ value: JSONValue, at location: _JSONCodingLocation) -> DecodingError {
    _jsonMismatch(type, expected: String(describing: type), value, codingPath: location.path)
}

/// The error for a value of the wrong kind with an explicit expected-kind name ("object", "array", ...).
func _jsonMismatch(_ type: Any.Type, expected: String, _ value: JSONValue, codingPath: [any CodingKey]) -> DecodingError {
    let context = DecodingError.Context(
        codingPath: codingPath,
        debugDescription: "expected \(expected), found \(_jsonKindName(value))")
    if case .null = value {
        return DecodingError.valueNotFound(type, context)
    }
    return DecodingError.typeMismatch(type, context)
}
