import NIOConcurrencyHelpers

/// When the API last served a request, so the daemon can do housekeeping
/// (trimming its working set) only once it has been idle for a while.
public final class ActivityClock: Sendable {
    private let last = NIOLockedValueBox(ContinuousClock.now)
    private let generation = NIOLockedValueBox(0)

    /// A clock that starts now.
    public init() {}

    /// Records a request.
    public func touch() {
        last.withLockedValue { $0 = .now }
        generation.withLockedValue { $0 += 1 }
    }

    /// How long since the last request.
    public var idleFor: Duration { ContinuousClock.now - last.withLockedValue { $0 } }

    /// Changes with every request (to tell whether anything happened since).
    public var currentGeneration: Int { generation.withLockedValue { $0 } }
}
