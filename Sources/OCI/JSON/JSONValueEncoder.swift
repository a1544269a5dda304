// Encodable support producing JSONValue or JSON bytes, without Foundation.

/// Encodes `Encodable` types to JSON, keeping struct keys in the order they were encoded.
///
/// Nil optionals encoded with `encodeIfPresent` (the synthesized default) are
/// omitted. Integers are written exactly; floating-point values must be finite
/// (otherwise `EncodingError.invalidValue`) and integral ones print without a
/// trailing `.0`. `[String: V]` dictionaries are written with keys sorted by
/// UTF-8 bytes (like Go's encoding/json) so output is deterministic.
public struct JSONValueEncoder: Sendable {
    /// When true, output is indented by two spaces like Go's `json.MarshalIndent`.
    public var pretty: Bool = false

    /// Creates an encoder producing compact output.
    public init() {}

    /// Encodes `value` to UTF-8 JSON bytes.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encodeValue(value).serializedBytes(pretty: pretty)
    }

    /// Encodes `value` to a `JSONValue` tree, for inspection or further editing.
    public func encodeValue<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = _JSONEncodingNode()
        try _JSONBox.encode(value, into: node, at: _JSONCodingLocation([], nil))
        return node.build()
    }
}

/// A finished value or a node that containers may still be writing into.
enum _JSONSlot {
    case value(JSONValue)
    case node(_JSONEncodingNode)

    func build() -> JSONValue {
        switch self {
        case .value(let v): return v
        case .node(let n): return n.build()
        }
    }
}

/// Mutable, reference-typed storage shared by an encoder and the containers it hands out.
final class _JSONEncodingNode {
    enum Kind {
        case empty, leaf, object, array
    }

    private(set) var kind: Kind = .empty
    private(set) var leaf: JSONValue = .null
    private var keys: [String] = []
    private var members: [String: _JSONSlot] = [:]
    private(set) var elements: [_JSONSlot] = []

    init() {}

    /// Turns this node into an object, keeping existing members if it already is one.
    func becomeObject() {
        guard kind != .object else { return }
        reset()
        kind = .object
    }

    /// Turns this node into an array, keeping existing elements if it already is one.
    func becomeArray() {
        guard kind != .array else { return }
        reset()
        kind = .array
    }

    func setLeaf(_ value: JSONValue) {
        reset()
        kind = .leaf
        leaf = value
    }

    /// Stores a member; a new key is appended, a repeated key keeps its original position.
    func setMember(_ key: String, _ slot: _JSONSlot) {
        if members.updateValue(slot, forKey: key) == nil {
            keys.append(key)
        }
    }

    /// The child node at `key`, reusing an existing node so repeated nested containers merge.
    func childNode(forKey key: String) -> _JSONEncodingNode {
        if case .node(let existing)? = members[key] {
            return existing
        }
        let child = _JSONEncodingNode()
        setMember(key, .node(child))
        return child
    }

    func append(_ slot: _JSONSlot) {
        elements.append(slot)
    }

    /// Appends and returns a fresh child node.
    func appendChildNode() -> _JSONEncodingNode {
        let child = _JSONEncodingNode()
        elements.append(.node(child))
        return child
    }

    private func reset() {
        leaf = .null
        keys = []
        members = [:]
        elements = []
    }

    /// Produces the final value; an encoder that wrote nothing yields `{}` like Foundation.
    func build() -> JSONValue {
        switch kind {
        case .empty:
            return .object([])
        case .leaf:
            return leaf
        case .object:
            var out: [(String, JSONValue)] = []
            out.reserveCapacity(keys.count)
            for key in keys {
                out.append((key, members[key]?.build() ?? .null))
            }
            return .object(out)
        case .array:
            return .array(elements.map { $0.build() })
        }
    }
}

/// `[String: V]` dictionaries, encoded with sorted keys for deterministic output.
protocol _JSONStringKeyedDictionary {
    func _encodeSortedJSON(into node: _JSONEncodingNode, codingPath: [any CodingKey]) throws
}

extension Dictionary: _JSONStringKeyedDictionary where Key == String, Value: Encodable {
    func _encodeSortedJSON(into node: _JSONEncodingNode, codingPath: [any CodingKey]) throws {
        node.becomeObject()
        let sorted = self.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (key, value) in sorted {
            let slot = try _JSONBox.slot(value, at: _JSONCodingLocation(codingPath, _JSONKey(stringValue: key)))
            node.setMember(key, slot)
        }
    }
}

/// Generic entry points that prefer scalar fast paths over the full Encoder protocol.
enum _JSONBox {
    /// Encodes `value` into `node`.
    static func encode<T: Encodable>(_ value: T, into node: _JSONEncodingNode, at location: _JSONCodingLocation) throws {
        if let scalar = value as? any _JSONScalar {
            node.setLeaf(try scalar._boxJSON(at: location))
        } else if let dictionary = value as? any _JSONStringKeyedDictionary {
            try dictionary._encodeSortedJSON(into: node, codingPath: location.path)
        } else {
            try value.encode(to: _JSONEncoderImpl(node: node, codingPath: location.path))
        }
    }

    /// Encodes `value` into a slot, avoiding a node allocation for scalars.
    static func slot<T: Encodable>(_ value: T, at location: _JSONCodingLocation) throws -> _JSONSlot {
        if let scalar = value as? any _JSONScalar {
            return .value(try scalar._boxJSON(at: location))
        }
        let node = _JSONEncodingNode()
        try encode(value, into: node, at: location)
        if node.kind == .leaf {
            return .value(node.leaf)
        }
        return .node(node)
    }
}

/// The `Encoder` handed to `encode(to:)`; writes into one node.
struct _JSONEncoderImpl: Encoder {
    let node: _JSONEncodingNode
    let codingPath: [any CodingKey]

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(_JSONKeyedEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return _JSONUnkeyedEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        _JSONSingleValueEncodingContainer(node: node, codingPath: codingPath)
    }
}
