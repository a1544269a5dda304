/// A point in time as tar stores it: whole seconds since the epoch plus PAX's optional nanoseconds.
public struct TarTimestamp: Hashable, Sendable, Comparable {
    /// Seconds since 1970-01-01 UTC; may be negative.
    public var seconds: Int64
    /// Nanoseconds past `seconds`, 0..<1_000_000_000.
    public var nanoseconds: UInt32

    /// A timestamp from seconds and nanoseconds past them.
    public init(seconds: Int64, nanoseconds: UInt32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Orders timestamps chronologically.
    public static func < (lhs: TarTimestamp, rhs: TarTimestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
