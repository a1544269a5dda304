// Decodable support over JSONValue, without Foundation.

/// Decodes `Decodable` types from JSON bytes or a `JSONValue`, throwing standard `DecodingError`s.
///
/// Semantics follow Foundation's `JSONDecoder`: unknown keys are ignored, a
/// missing key or `null` decodes as nil for optionals (`decodeIfPresent`),
/// integers are decoded exactly from the number lexeme (fractions and
/// out-of-range values are `dataCorrupted`), and malformed input surfaces as
/// `dataCorrupted` with the `JSONError` as its underlying error.
public struct JSONValueDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Parses `bytes` as JSON and decodes a `T` from it.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [],
                debugDescription: "The given data was not valid JSON.",
                underlyingError: error))
        }
        return try decode(type, from: value)
    }

    /// Decodes a `T` from an already parsed JSON value.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try _JSONUnbox.value(value, as: T.self, at: _JSONCodingLocation([], nil))
    }
}

/// Generic entry point that prefers scalar fast paths over the full Decoder protocol.
enum _JSONUnbox {
    static func value<T: Decodable>(_ value: JSONValue, as type: T.Type, at location: _JSONCodingLocation) throws -> T {
        if let scalar = T.self as? any _JSONScalar.Type,
           let result = try scalar._unboxJSON(value, at: location) as? T {
            return result
        }
        return try T(from: _JSONDecoderImpl(value: value, codingPath: location.path))
    }
}

/// The `Decoder` handed to `init(from:)`; wraps one JSON value and its coding path.
struct _JSONDecoderImpl: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw _jsonMismatch([String: Any].self, expected: "object", value, codingPath: codingPath)
        }
        return KeyedDecodingContainer(_JSONKeyedDecodingContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw _jsonMismatch([Any].self, expected: "array", value, codingPath: codingPath)
        }
        return _JSONUnkeyedDecodingContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        _JSONSingleValueDecodingContainer(value: value, codingPath: codingPath)
    }
}
