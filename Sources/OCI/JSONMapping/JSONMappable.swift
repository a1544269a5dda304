// Codable-free mapping between JSONValue and the OCI types, so berth-runtime
// never pulls the Decoder/Encoder machinery into its resident pages.

/// A type read from and written to a `JSONValue` by hand-written code, without Codable, to keep the runtime small.
public protocol JSONMappable {
    /// Reads a value from a JSON tree, throwing an error that names the offending path.
    init(json: JSONValue) throws(JSONMappingError)
    /// The value as a JSON tree: nil optionals omitted, declaration order kept, map keys sorted.
    var json: JSONValue { get }
}

/// Why a JSON tree could not be mapped to a type, and where: e.g. `process.args[0]: expected a string, found a number`.
public struct JSONMappingError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Where the problem is, like `linux.namespaces[0].type` or `annotations["io.x"]`; empty for the document itself.
    public var path: String
    /// What was wrong, like `expected a string, found a number`.
    public var message: String

    /// Creates an error at `path` (empty for the root) with a message.
    public init(path: String = "", message: String) {
        self.path = path
        self.message = message
    }

    /// One line for users: `path: message`, or just `message` at the root.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

extension JSONMappable {
    /// Parses UTF-8 JSON bytes (e.g. a config.json) and maps them, reporting syntax errors as `invalid JSON at byte N: …`.
    public init(jsonBytes: [UInt8]) throws(JSONMappingError) {
        let value: JSONValue
        do throws(JSONError) {
            value = try JSONParser.parse(jsonBytes)
        } catch {
            throw JSONMappingError(message: error.description)
        }
        try self.init(json: value)
    }

    /// This value as UTF-8 JSON bytes, compact or indented like Go's `json.MarshalIndent`, ready to write to a file.
    public func jsonBytes(pretty: Bool = false) -> [UInt8] {
        json.serializedBytes(pretty: pretty)
    }
}

// MARK: - Errors and paths

extension JSONMappingError {
    /// A value of the wrong kind (including `null` where a value is required).
    static func mismatch(expected: String, found value: JSONValue) -> JSONMappingError {
        JSONMappingError(message: "expected \(expected), found \(_jsonMappingKindName(value))")
    }

    /// This error seen from the object that holds `key`: the key is prepended to the path.
    func prefixed(key: String) -> JSONMappingError {
        let head = _jsonPathIsIdentifier(key) ? key : "[" + JSONValue.string(key).serialized() + "]"
        return JSONMappingError(path: _jsonPathJoin(head, path), message: message)
    }

    /// This error seen from the array that holds it at `index`: `[index]` is prepended to the path.
    func prefixed(index: Int) -> JSONMappingError {
        JSONMappingError(path: _jsonPathJoin("[\(index)]", path), message: message)
    }
}

/// `head` followed by `rest`, with a dot between them unless `rest` is empty or starts with a subscript.
private func _jsonPathJoin(_ head: String, _ rest: String) -> String {
    guard let first = rest.utf8.first else { return head }
    return first == _ASCII.openBracket ? head + rest : head + "." + rest
}

/// True for keys that render bare in a path (`[A-Za-z_][A-Za-z0-9_]*`); others render as `["key"]`.
private func _jsonPathIsIdentifier(_ key: String) -> Bool {
    func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }
    guard let first = key.utf8.first, isLetter(first) else { return false }
    return key.utf8.allSatisfy { isLetter($0) || ($0 >= _ASCII.zero && $0 <= _ASCII.nine) }
}

/// A JSON value's kind with its article, for messages: `a string`, `an object`, `null`.
func _jsonMappingKindName(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
}

// MARK: - Integers

/// Fixed-width integers mapped exactly from a number's lexeme; the name appears in range errors.
protocol JSONMappedInteger: FixedWidthInteger {
    /// The type's name for `… does not fit in Int64` messages (no runtime reflection needed).
    static var jsonTypeName: String { get }
}

extension Int: JSONMappedInteger { static var jsonTypeName: String { "Int" } }
extension Int32: JSONMappedInteger { static var jsonTypeName: String { "Int32" } }
extension Int64: JSONMappedInteger { static var jsonTypeName: String { "Int64" } }
extension UInt: JSONMappedInteger { static var jsonTypeName: String { "UInt" } }
extension UInt32: JSONMappedInteger { static var jsonTypeName: String { "UInt32" } }
extension UInt64: JSONMappedInteger { static var jsonTypeName: String { "UInt64" } }

// MARK: - Reading values

/// Conversions from one JSON value to a Swift value; errors carry a path relative to that value.
enum JSONRead {
    /// A string, or an error naming the kind found.
    static func string(_ value: JSONValue) throws(JSONMappingError) -> String {
        guard case .string(let s) = value else { throw .mismatch(expected: "a string", found: value) }
        return s
    }

    /// `true` or `false`.
    static func bool(_ value: JSONValue) throws(JSONMappingError) -> Bool {
        guard case .bool(let b) = value else { throw .mismatch(expected: "a boolean", found: value) }
        return b
    }

    /// An integer parsed exactly from the lexeme: fractions, exponents and out-of-range values are errors.
    static func integer<T: JSONMappedInteger>(_ value: JSONValue, as type: T.Type = T.self) throws(JSONMappingError) -> T {
        guard case .number(let lexeme) = value else { throw .mismatch(expected: "an integer", found: value) }
        if let v = T(lexeme, radix: 10) { return v }
        if lexeme == "-0" { return 0 }
        let integral = lexeme.utf8.allSatisfy { $0 == _ASCII.minus || ($0 >= _ASCII.zero && $0 <= _ASCII.nine) }
        let reason = integral ? "does not fit in \(T.jsonTypeName)" : "is not an integer"
        throw JSONMappingError(message: "\(lexeme) \(reason)")
    }

    /// A nested mappable object.
    static func mappable<T: JSONMappable>(_ value: JSONValue, as type: T.Type = T.self) throws(JSONMappingError) -> T {
        try T(json: value)
    }

    /// An array whose elements are each converted by `element`; element errors get an `[i]` prefix.
    static func array<T>(
        _ value: JSONValue, _ element: (JSONValue) throws(JSONMappingError) -> T
    ) throws(JSONMappingError) -> [T] {
        guard case .array(let elements) = value else { throw .mismatch(expected: "an array", found: value) }
        var out: [T] = []
        out.reserveCapacity(elements.count)
        for (i, e) in elements.enumerated() {
            do throws(JSONMappingError) {
                out.append(try element(e))
            } catch {
                throw error.prefixed(index: i)
            }
        }
        return out
    }

    /// An array of strings.
    static func strings(_ value: JSONValue) throws(JSONMappingError) -> [String] {
        try array(value, string)
    }

    /// An object of string values; a repeated key keeps its last value, as with Codable.
    static func stringMap(_ value: JSONValue) throws(JSONMappingError) -> [String: String] {
        guard case .object(let members) = value else { throw .mismatch(expected: "an object", found: value) }
        var out = [String: String](minimumCapacity: members.count)
        for (key, member) in members {
            do throws(JSONMappingError) {
                out[key] = try string(member)
            } catch {
                throw error.prefixed(key: key)
            }
        }
        return out
    }
}

/// Reads the fields of one JSON object; missing or `null` optionals are nil, missing required keys are errors.
///
/// Unknown keys are ignored and a repeated key's last occurrence wins, as with `JSONValueDecoder`.
struct JSONObjectReader {
    private let members: [(String, JSONValue)]

    /// Wraps `value`, which must be an object.
    init(_ value: JSONValue) throws(JSONMappingError) {
        guard case .object(let members) = value else { throw .mismatch(expected: "an object", found: value) }
        self.members = members
    }

    /// The last member named `key`, if any.
    private func member(_ key: String) -> JSONValue? {
        var i = members.endIndex
        while i > members.startIndex {
            i -= 1
            if members[i].0 == key { return members[i].1 }
        }
        return nil
    }

    /// Converts the required member `key`; `null` reaches `convert` so it reports `found null`.
    func required<T>(
        _ key: String, _ convert: (JSONValue) throws(JSONMappingError) -> T
    ) throws(JSONMappingError) -> T {
        guard let value = member(key) else {
            throw JSONMappingError(message: "missing required key \(JSONValue.string(key).serialized())")
        }
        do throws(JSONMappingError) {
            return try convert(value)
        } catch {
            throw error.prefixed(key: key)
        }
    }

    /// Converts the optional member `key`; absent or `null` is nil, any other wrong kind is an error.
    func optional<T>(
        _ key: String, _ convert: (JSONValue) throws(JSONMappingError) -> T
    ) throws(JSONMappingError) -> T? {
        guard let value = member(key), !value.isNull else { return nil }
        do throws(JSONMappingError) {
            return try convert(value)
        } catch {
            throw error.prefixed(key: key)
        }
    }

    // Shorthands for each field kind used by the OCI types; `optionalX` treats absent and `null` as nil.

    func string(_ key: String) throws(JSONMappingError) -> String { try required(key, JSONRead.string) }
    func optionalString(_ key: String) throws(JSONMappingError) -> String? { try optional(key, JSONRead.string) }
    func optionalBool(_ key: String) throws(JSONMappingError) -> Bool? { try optional(key, JSONRead.bool) }
    func bool(_ key: String) throws(JSONMappingError) -> Bool { try required(key, JSONRead.bool) }

    func integer<T: JSONMappedInteger>(_ key: String, as type: T.Type = T.self) throws(JSONMappingError) -> T {
        try required(key) { (v) throws(JSONMappingError) in try JSONRead.integer(v, as: T.self) }
    }

    func optionalInteger<T: JSONMappedInteger>(_ key: String, as type: T.Type = T.self) throws(JSONMappingError) -> T? {
        try optional(key) { (v) throws(JSONMappingError) in try JSONRead.integer(v, as: T.self) }
    }

    func strings(_ key: String) throws(JSONMappingError) -> [String] { try required(key, JSONRead.strings) }
    func optionalStrings(_ key: String) throws(JSONMappingError) -> [String]? { try optional(key, JSONRead.strings) }
    func optionalStringMap(_ key: String) throws(JSONMappingError) -> [String: String]? {
        try optional(key, JSONRead.stringMap)
    }

    func optionalIntegers<T: JSONMappedInteger>(_ key: String, as type: T.Type = T.self) throws(JSONMappingError) -> [T]? {
        try optional(key) { (v) throws(JSONMappingError) in
            try JSONRead.array(v) { (e) throws(JSONMappingError) in try JSONRead.integer(e, as: T.self) }
        }
    }

    func object<T: JSONMappable>(_ key: String, as type: T.Type = T.self) throws(JSONMappingError) -> T {
        try required(key) { (v) throws(JSONMappingError) in try T(json: v) }
    }

    func optionalObject<T: JSONMappable>(_ key: String, as type: T.Type = T.self) throws(JSONMappingError) -> T? {
        try optional(key) { (v) throws(JSONMappingError) in try T(json: v) }
    }

    func optionalObjects<T: JSONMappable>(_ key: String, as type: T.Type = T.self) throws(JSONMappingError) -> [T]? {
        try optional(key) { (v) throws(JSONMappingError) in
            try JSONRead.array(v) { (e) throws(JSONMappingError) in try T(json: e) }
        }
    }
}

// MARK: - Writing values

/// Builds a JSON object in field order, skipping nil optionals, to mirror `JSONValueEncoder`'s output.
struct JSONObjectWriter {
    private(set) var members: [(String, JSONValue)] = []

    init(capacity: Int = 0) {
        members.reserveCapacity(capacity)
    }

    /// The finished object.
    var value: JSONValue { .object(members) }

    // One appender per field kind; each skips nil, as the synthesized `encodeIfPresent` does.

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        members.append((key, .string(value)))
    }

    mutating func bool(_ key: String, _ value: Bool?) {
        guard let value else { return }
        members.append((key, .bool(value)))
    }

    mutating func integer<T: JSONMappedInteger>(_ key: String, _ value: T?) {
        guard let value else { return }
        members.append((key, .number(String(value))))
    }

    mutating func integers<T: JSONMappedInteger>(_ key: String, _ value: [T]?) {
        guard let value else { return }
        members.append((key, .array(value.map { .number(String($0)) })))
    }

    mutating func strings(_ key: String, _ value: [String]?) {
        guard let value else { return }
        members.append((key, .array(value.map { .string($0) })))
    }

    /// A `[String: String]` map, keys sorted by UTF-8 bytes like Go's encoding/json.
    mutating func stringMap(_ key: String, _ value: [String: String]?) {
        guard let value else { return }
        let sorted = value.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        members.append((key, .object(sorted.map { ($0.key, .string($0.value)) })))
    }

    mutating func object<T: JSONMappable>(_ key: String, _ value: T?) {
        guard let value else { return }
        members.append((key, value.json))
    }

    mutating func objects<T: JSONMappable>(_ key: String, _ value: [T]?) {
        guard let value else { return }
        members.append((key, .array(value.map(\.json))))
    }
}
