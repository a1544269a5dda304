/// A Docker Engine API version such as `1.44`, compared component by component
/// like moby's `api/types/versions` (so "1.9" < "1.10", missing parts count as 0).
public struct APIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The version as the client wrote it (kept for error messages).
    public let text: String
    /// Its numeric components; non-numeric parts count as 0, as in moby.
    public let components: [Int]

    /// Parses any dotted string; never fails, mirroring moby's lenient comparison.
    public init(_ text: String) {
        self.text = text
        self.components = text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
    }

    /// The highest version Berth speaks.
    public static let current = APIVersion("1.44")
    /// The lowest version Berth accepts.
    public static let minimum = APIVersion("1.24")

    /// The text as given.
    public var description: String { text }

    /// Equal when every component is equal (so "1.40" == "1.40.0").
    public static func == (lhs: APIVersion, rhs: APIVersion) -> Bool { compare(lhs, rhs) == 0 }

    /// Hashes the components without trailing zeros, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    /// Orders by components.
    public static func < (lhs: APIVersion, rhs: APIVersion) -> Bool { compare(lhs, rhs) < 0 }

    private static func compare(_ lhs: APIVersion, _ rhs: APIVersion) -> Int {
        let count = max(lhs.components.count, rhs.components.count)
        for index in 0..<count {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }
}
