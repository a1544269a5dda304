import Foundation
import Glibc

/// What `GET /containers/{id}/logs` asked for (Docker's query parameters).
public struct LogQuery: Sendable {
    public var stdout = true
    public var stderr = true
    public var follow = false
    public var timestamps = false
    /// RFC 3339 (nine fraction digits, UTC) bounds; strings of that fixed shape compare in time order.
    public var since: String?
    public var until: String?
    /// Only the last N records (nil: all).
    public var tail: Int?

    /// Everything, not following.
    public init() {}

    /// Docker's `SECONDS[.NANOS]` as a json-file timestamp.
    public static func timestamp(fromUnix text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let seconds = Int64(parts[0]) else { return nil }
        let nanos = parts.count == 2 ? String(parts[1].prefix(9)).padding(toLength: 9, withPad: "0", startingAt: 0) : "000000000"
        guard Int(nanos) != nil else { return nil }
        var time = time_t(seconds)
        var parts_ = tm()
        gmtime_r(&time, &parts_)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%@Z", Int(parts_.tm_year) + 1900, Int(parts_.tm_mon) + 1, Int(parts_.tm_mday),
                      Int(parts_.tm_hour), Int(parts_.tm_min), Int(parts_.tm_sec), nanos)
    }
}
