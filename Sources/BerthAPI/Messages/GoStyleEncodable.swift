/// Encodes every stored property under its own name, nil as JSON `null`, the way
/// Go's encoding/json writes dockerd's structs: docker clients and SDKs expect the
/// keys to be there (`{{json .HostConfig.CapAdd}}` prints `null`, not an error).
/// Properties named in `omittedWhenEmpty` are left out when nil, empty, zero or
/// false — Go's `omitempty`.
public protocol GoStyleEncodable: Encodable {
    /// Property names tagged `omitempty` in moby's types.
    static var omittedWhenEmpty: Set<String> { get }
}

extension GoStyleEncodable {
    public static var omittedWhenEmpty: Set<String> { [] }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: GoStyleKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let value = child.value as? any Encodable else { continue }
            if Self.omittedWhenEmpty.contains(label) && GoStyleKey.isEmpty(child.value) { continue }
            try container.encode(value, forKey: GoStyleKey(label))
        }
    }
}

/// A property name used as a JSON key.
struct GoStyleKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// Go's notion of an empty value for `omitempty`.
    static func isEmpty(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return true }
            return isEmpty(wrapped)
        }
        switch value {
        case let text as String: return text.isEmpty
        case let flag as Bool: return !flag
        case let number as Int: return number == 0
        case let number as Int64: return number == 0
        case let number as UInt64: return number == 0
        case let collection as any Collection: return collection.isEmpty
        default: return false
        }
    }
}
