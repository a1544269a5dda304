import Foundation
import NIOCore

/// `GET /events`: buffered events from `since`, then live ones until `until`
/// (or until the client leaves), one JSON object per line.
public struct EventsRouter: APIRouter {
    private let backend: any EventsBackend

    /// A router answering from `backend`.
    public init(backend: any EventsBackend) { self.backend = backend }

    /// Docker's timestamps: `SECONDS[.NANOS]` (the CLI turns durations and dates into these).
    static func parseTime(_ text: String?) throws(APIError) -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let seconds = Int64(parts[0]) else { throw .badRequest("failed to parse value \(text) as a timestamp") }
        var nanos: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1].prefix(9)).padding(toLength: 9, withPad: "0", startingAt: 0)
            guard let value = Int64(digits) else { throw .badRequest("failed to parse value \(text) as a timestamp") }
            nanos = value
        }
        return seconds * 1_000_000_000 + nanos
    }

    public var routes: [Route] {
        let backend = self.backend
        return [
            Route(.GET, "/events") { request in
                let since = try Self.parseTime(request.query["since"])
                let until = try Self.parseTime(request.query["until"])
                let filter = try EventFilter(json: request.query["filters"])
                let (past, live) = backend.subscribe(sinceNano: since, untilNano: until)
                return .stream(contentType: "application/json") { writer in
                    let encoder = JSONEncoder()
                    func send(_ event: EngineEvent) async throws {
                        var buffer = ByteBuffer(bytes: try encoder.encode(event))
                        buffer.writeString("\n")
                        try await writer.write(buffer)
                    }
                    for event in past where filter.matches(event) { try await send(event) }
                    guard let live else { return }
                    try await writer.write(ByteBuffer())
                    let deadline = until
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await event in live where filter.matches(event) {
                                if let deadline, event.timeNano > deadline { return }
                                try await send(event)
                            }
                        }
                        if let deadline {
                            group.addTask {
                                let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
                                if deadline > now { try await Task.sleep(nanoseconds: UInt64(deadline - now)) }
                            }
                        }
                        _ = try await group.next()
                        group.cancelAll()
                    }
                }
            },
        ]
    }
}
