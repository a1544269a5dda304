// Keyed, unkeyed and single-value encoding containers writing into _JSONEncodingNode.

/// Keyed container; members keep the order in which keys were first encoded.
struct _JSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: _JSONEncodingNode
    let codingPath: [any CodingKey]

    private func scalar<T: _JSONScalar>(_ value: T, _ key: Key) throws {
        node.setMember(key.stringValue, .value(try value._boxJSON(at: _JSONCodingLocation(codingPath, key))))
    }

    mutating func encodeNil(forKey key: Key) throws {
        node.setMember(key.stringValue, .value(.null))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try scalar(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try scalar(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.setMember(key.stringValue, try _JSONBox.slot(value, at: _JSONCodingLocation(codingPath, key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.childNode(forKey: key.stringValue)
        return _JSONEncoderImpl(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.childNode(forKey: key.stringValue)
        return _JSONEncoderImpl(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = node.childNode(forKey: _JSONKey.superKey.stringValue)
        return _JSONEncoderImpl(node: child, codingPath: codingPath + [_JSONKey.superKey])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = node.childNode(forKey: key.stringValue)
        return _JSONEncoderImpl(node: child, codingPath: codingPath + [key])
    }
}

/// Unkeyed container appending array elements.
struct _JSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let node: _JSONEncodingNode
    let codingPath: [any CodingKey]

    var count: Int { node.elements.count }

    private func scalar<T: _JSONScalar>(_ value: T) throws {
        node.append(.value(try value._boxJSON(at: _JSONCodingLocation(codingPath, _JSONKey(index: count)))))
    }

    mutating func encodeNil() throws {
        node.append(.value(.null))
    }

    mutating func encode(_ value: Bool) throws { try scalar(value) }
    mutating func encode(_ value: String) throws { try scalar(value) }
    mutating func encode(_ value: Double) throws { try scalar(value) }
    mutating func encode(_ value: Float) throws { try scalar(value) }
    mutating func encode(_ value: Int) throws { try scalar(value) }
    mutating func encode(_ value: Int8) throws { try scalar(value) }
    mutating func encode(_ value: Int16) throws { try scalar(value) }
    mutating func encode(_ value: Int32) throws { try scalar(value) }
    mutating func encode(_ value: Int64) throws { try scalar(value) }
    mutating func encode(_ value: UInt) throws { try scalar(value) }
    mutating func encode(_ value: UInt8) throws { try scalar(value) }
    mutating func encode(_ value: UInt16) throws { try scalar(value) }
    mutating func encode(_ value: UInt32) throws { try scalar(value) }
    mutating func encode(_ value: UInt64) throws { try scalar(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.append(try _JSONBox.slot(value, at: _JSONCodingLocation(codingPath, _JSONKey(index: count))))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [_JSONKey(index: count)]
        return _JSONEncoderImpl(node: node.appendChildNode(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [_JSONKey(index: count)]
        return _JSONEncoderImpl(node: node.appendChildNode(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [_JSONKey(index: count)]
        return _JSONEncoderImpl(node: node.appendChildNode(), codingPath: path)
    }
}

/// Single-value container; a composite value is encoded into the same node, like Foundation.
struct _JSONSingleValueEncodingContainer: SingleValueEncodingContainer {
    let node: _JSONEncodingNode
    let codingPath: [any CodingKey]

    private func scalar<T: _JSONScalar>(_ value: T) throws {
        node.setLeaf(try value._boxJSON(at: _JSONCodingLocation(codingPath, nil)))
    }

    mutating func encodeNil() throws {
        node.setLeaf(.null)
    }

    mutating func encode(_ value: Bool) throws { try scalar(value) }
    mutating func encode(_ value: String) throws { try scalar(value) }
    mutating func encode(_ value: Double) throws { try scalar(value) }
    mutating func encode(_ value: Float) throws { try scalar(value) }
    mutating func encode(_ value: Int) throws { try scalar(value) }
    mutating func encode(_ value: Int8) throws { try scalar(value) }
    mutating func encode(_ value: Int16) throws { try scalar(value) }
    mutating func encode(_ value: Int32) throws { try scalar(value) }
    mutating func encode(_ value: Int64) throws { try scalar(value) }
    mutating func encode(_ value: UInt) throws { try scalar(value) }
    mutating func encode(_ value: UInt8) throws { try scalar(value) }
    mutating func encode(_ value: UInt16) throws { try scalar(value) }
    mutating func encode(_ value: UInt32) throws { try scalar(value) }
    mutating func encode(_ value: UInt64) throws { try scalar(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try _JSONBox.encode(value, into: node, at: _JSONCodingLocation(codingPath, nil))
    }
}
