/// A request's query parameters in order, with Docker's helpers for booleans and integers.
public struct QueryParameters: Sendable, Equatable {
    /// Every name/value pair, in the order sent (names may repeat).
    public let pairs: [(name: String, value: String)]

    /// Parses `a=1&b=x%20y&flag`; a name without `=` has an empty value.
    public init(rawQuery: String) {
        self.pairs = rawQuery.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? PercentDecoding.decode(parts[1], plusIsSpace: true) : ""
            return (name, value)
        }
    }

    /// The first value for `name`, or nil.
    public subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value for `name`.
    public func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// Docker's `httputils.BoolValue`: absent, "", "0", "no", "false" or "none" is false; anything else true.
    public func bool(_ name: String) -> Bool {
        guard let value = self[name]?.lowercased() else { return false }
        return !["", "0", "no", "false", "none"].contains(value)
    }

    /// An integer value, nil when absent or empty; 400 when not a number.
    public func int(_ name: String) throws(APIError) -> Int? {
        guard let value = self[name], !value.isEmpty else { return nil }
        guard let number = Int(value) else {
            throw .badRequest("invalid value for \(name): \(value)")
        }
        return number
    }

    /// Equal when the pairs are equal in order.
    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }
}
