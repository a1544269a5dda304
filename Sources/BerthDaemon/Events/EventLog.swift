import BerthAPI
import BerthStore
import Foundation
import NIOConcurrencyHelpers

/// The engine's event history and live feed (`docker events`): the last
/// `capacity` events in memory, as dockerd keeps them, and every subscriber's
/// stream. A lock rather than an actor, so services emit without awaiting.
public final class EventLog: EventsBackend, Sendable {
    /// How many past events are kept for `since`.
    public static let capacity = 1024

    private struct State {
        var buffer: [EngineEvent] = []
        var subscribers: [Int: AsyncStream<EngineEvent>.Continuation] = [:]
        var nextID = 0
        var lastNano: Int64 = 0
    }

    private let state = NIOLockedValueBox(State())

    /// An empty log.
    public init() {}

    /// Records and broadcasts an event.
    public func emit(type: String, action: String, id: String, attributes: [String: String]) {
        state.withLockedValue { state in
            // Strictly increasing times keep since/until windows exact.
            var now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
            if now <= state.lastNano { now = state.lastNano + 1 }
            state.lastNano = now
            let event = EngineEvent(type: type, action: action, actor: .init(id: id, attributes: attributes), timeNano: now)
            state.buffer.append(event)
            if state.buffer.count > Self.capacity { state.buffer.removeFirst(state.buffer.count - Self.capacity) }
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }

    /// A container event with dockerd's attributes (image, name, labels, extras).
    func container(_ action: String, _ row: ContainerRow, extra: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        if let config = try? ContainerService.decode(ContainerConfigDocument.self, row.config) {
            attributes = config.labels
        }
        attributes["image"] = row.image
        attributes["name"] = row.name
        for (key, value) in extra { attributes[key] = value }
        emit(type: "container", action: action, id: row.id, attributes: attributes)
    }

    public func subscribe(sinceNano: Int64?, untilNano: Int64?) -> (past: [EngineEvent], live: AsyncStream<EngineEvent>?) {
        state.withLockedValue { state in
            var past: [EngineEvent] = []
            if sinceNano != nil || untilNano != nil {
                past = state.buffer.filter { event in
                    (sinceNano.map { event.timeNano >= $0 } ?? true) && (untilNano.map { event.timeNano <= $0 } ?? true)
                }
            }
            let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
            if let untilNano, untilNano <= now { return (past, nil) }
            let (stream, continuation) = AsyncStream<EngineEvent>.makeStream(bufferingPolicy: .bufferingNewest(4096))
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            continuation.onTermination = { [weak self] _ in self?.drop(id) }
            return (past, stream)
        }
    }

    private func drop(_ id: Int) {
        _ = state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
    }
}
