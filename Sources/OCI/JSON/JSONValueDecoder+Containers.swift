// Keyed, unkeyed and single-value decoding containers over JSONValue.

/// Keyed container over a JSON object; the last occurrence of a duplicate key wins.
struct _JSONKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let codingPath: [any CodingKey]
    private let members: [(String, JSONValue)]
    private let lookup: [String: JSONValue]

    init(members: [(String, JSONValue)], codingPath: [any CodingKey]) {
        self.members = members
        self.codingPath = codingPath
        var lookup = [String: JSONValue](minimumCapacity: members.count)
        for (name, value) in members {
            lookup[name] = value
        }
        self.lookup = lookup
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(lookup.count)
        if lookup.count == members.count {
            for (name, _) in members {
                if let key = Key(stringValue: name) { keys.append(key) }
            }
        } else {
            var seen = Set<String>()
            for (name, _) in members where seen.insert(name).inserted {
                if let key = Key(stringValue: name) { keys.append(key) }
            }
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        lookup[key.stringValue] != nil
    }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = lookup[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath,
                debugDescription: "missing key \"\(key.stringValue)\""))
        }
        return value
    }

    private func scalar<T: _JSONScalar>(_ type: T.Type, _ key: Key) throws -> T {
        try T._unboxJSON(member(key), at: _JSONCodingLocation(codingPath, key))
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try member(key).isNull
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try _JSONUnbox.value(member(key), as: T.self, at: _JSONCodingLocation(codingPath, key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try _JSONDecoderImpl(value: member(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try _JSONDecoderImpl(value: member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        _JSONDecoderImpl(value: lookup[_JSONKey.superKey.stringValue] ?? .null, codingPath: codingPath + [_JSONKey.superKey])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        _JSONDecoderImpl(value: lookup[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

/// Unkeyed container over a JSON array; the index advances only after a successful decode.
struct _JSONUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let codingPath: [any CodingKey]
    private let elements: [JSONValue]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func current(_ type: Any.Type) throws -> JSONValue {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(type, .init(
                codingPath: codingPath + [_JSONKey(index: currentIndex)],
                debugDescription: "unkeyed container is at end"))
        }
        return elements[currentIndex]
    }

    private mutating func scalar<T: _JSONScalar>(_ type: T.Type) throws -> T {
        let value = try current(type)
        let result = try T._unboxJSON(value, at: _JSONCodingLocation(codingPath, _JSONKey(index: currentIndex)))
        currentIndex += 1
        return result
    }

    private mutating func nestedDecoder() throws -> _JSONDecoderImpl {
        let value = try current(Any.self)
        return _JSONDecoderImpl(value: value, codingPath: codingPath + [_JSONKey(index: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Any?.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try current(type)
        let result = try _JSONUnbox.value(value, as: T.self, at: _JSONCodingLocation(codingPath, _JSONKey(index: currentIndex)))
        currentIndex += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nestedDecoder().container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nestedDecoder().unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try nestedDecoder()
        currentIndex += 1
        return decoder
    }
}

/// Single-value container wrapping one JSON value.
struct _JSONSingleValueDecodingContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    private func scalar<T: _JSONScalar>(_ type: T.Type) throws -> T {
        try T._unboxJSON(value, at: _JSONCodingLocation(codingPath, nil))
    }

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    func decode(_ type: String.Type) throws -> String { try scalar(type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try _JSONUnbox.value(value, as: T.self, at: _JSONCodingLocation(codingPath, nil))
    }
}
