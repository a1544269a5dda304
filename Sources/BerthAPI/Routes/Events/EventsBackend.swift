/// What `GET /events` needs: past events in a window and a live feed.
public protocol EventsBackend: Sendable {
    /// Buffered events with `since ≤ time ≤ until` (nanoseconds; nil = open),
    /// then, unless `until` is past, live ones as they happen (the feed ends
    /// its subscription when its consumer stops).
    func subscribe(sinceNano: Int64?, untilNano: Int64?) -> (past: [EngineEvent], live: AsyncStream<EngineEvent>?)
}
