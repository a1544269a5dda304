import BerthAPI
import Foundation
import Testing

@testable import BerthDaemon

/// The pure parts of the container operations: ps parsing for `docker top`,
/// the prune filters' times and labels. No root needed.
@Suite struct ContainerOperationsUnitTests {
    static let psOutput = """
        UID          PID    PPID  C STIME TTY          TIME CMD
        root           1       0  0 02:00 ?        00:00:01 /sbin/init
        root        6292    6290  0 02:54 ?        00:00:00 sh -c while true; do sleep 1; done
        root        6297    6292  0 02:54 ?        00:00:00 sleep 1
        """

    @Test func topKeepsTheContainersProcessesAndTheCommandsSpaces() throws {
        let top = try ContainerService.parsePS(Self.psOutput, pids: [6292, 6297])
        #expect(top.Titles == ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
        #expect(top.Processes == [
            ["root", "6292", "6290", "0", "02:54", "?", "00:00:00", "sh -c while true; do sleep 1; done"],
            ["root", "6297", "6292", "0", "02:54", "?", "00:00:00", "sleep 1"],
        ])
    }

    @Test func topNeedsAPIDColumn() {
        #expect(throws: APIError.self) { try ContainerService.parsePS("USER COMMAND\nroot sh\n", pids: [1]) }
    }

    @Test(arguments: [("10m", 600.0), ("1h30m", 5400.0), ("45s", 45.0), ("500ms", 0.5), ("2.5h", 9000.0)])
    func goDurations(text: String, seconds: Double) {
        #expect(PruneFilters.duration(text) == seconds)
    }

    @Test func untilAcceptsTimestampsTimesAndDurations() throws {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(PruneFilters.time("999000", now: now) == Date(timeIntervalSince1970: 999_000))
        #expect(PruneFilters.time("1h", now: now) == Date(timeIntervalSince1970: 1_000_000 - 3600))
        #expect(PruneFilters.time("1970-01-12T13:46:40Z", now: now) == Date(timeIntervalSince1970: 1_000_000))
        #expect(PruneFilters.time("yesterday", now: now) == nil)
        #expect(throws: APIError.self) { try PruneFilters(FilterArguments(["until": ["soon"]])) }
    }

    @Test func labelFilters() throws {
        let filters = try PruneFilters(FilterArguments(["label": ["owner=x", "keep"], "label!": ["frozen"]]))
        #expect(filters.matches(labels: ["owner": "x", "keep": ""], created: nil))
        #expect(!filters.matches(labels: ["owner": "y", "keep": ""], created: nil))
        #expect(!filters.matches(labels: ["owner": "x"], created: nil))
        #expect(!filters.matches(labels: ["owner": "x", "keep": "1", "frozen": "1"], created: nil))
        let until = try PruneFilters(FilterArguments(["until": ["1000"]]))
        #expect(until.matches(labels: [:], created: Date(timeIntervalSince1970: 999)))
        #expect(!until.matches(labels: [:], created: Date(timeIntervalSince1970: 1001)))
    }
}
