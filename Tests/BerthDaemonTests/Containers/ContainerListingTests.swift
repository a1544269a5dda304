import BerthAPI
import Foundation
import Testing

@testable import BerthDaemon

/// ps's Status and Command texts, and its filters, as dockerd makes them.
@Suite struct ContainerListingTests {
    @Test(arguments: [
        (0.3, "Less than a second"), (1, "1 second"), (59, "59 seconds"), (60, "About a minute"), (119, "About a minute"),
        (120, "2 minutes"), (3599, "59 minutes"), (3600, "About an hour"), (5400, "2 hours"), (47 * 3600, "47 hours"),
        (49 * 3600, "2 days"), (15 * 86400, "2 weeks"), (61 * 86400, "2 months"), (800 * 86400, "2 years"),
    ] as [(Double, String)])
    func humanDurations(_ seconds: Double, _ text: String) {
        #expect(ContainerStatusText.humanDuration(seconds) == text)
    }

    @Test func statusTexts() {
        #expect(ContainerStatusText.describe(status: "running", exitCode: 0, sinceStart: 3, sinceFinish: nil) == "Up 3 seconds")
        #expect(ContainerStatusText.describe(status: "paused", exitCode: 0, sinceStart: 2, sinceFinish: nil) == "Up 2 seconds (Paused)")
        #expect(ContainerStatusText.describe(status: "exited", exitCode: 137, sinceStart: 200, sinceFinish: 130) == "Exited (137) 2 minutes ago")
        #expect(ContainerStatusText.describe(status: "created", exitCode: 0, sinceStart: nil, sinceFinish: nil) == "Created")
        #expect(ContainerStatusText.describe(status: "restarting", exitCode: 1, sinceStart: 9, sinceFinish: 5) == "Restarting (1) 5 seconds ago")
        #expect(ContainerStatusText.describe(status: "dead", exitCode: 0, sinceStart: 9, sinceFinish: 5) == "Dead")
    }

    @Test func commandQuoting() {
        #expect(ContainerStatusText.command(["sleep", "3000"]) == "sleep 3000")
        #expect(ContainerStatusText.command(["sh", "-c", "echo hi; exit 3"]) == "sh -c 'echo hi; exit 3'")
        #expect(ContainerStatusText.command(["top"]) == "top")
    }

    static func entry(_ id: String, _ name: String, _ created: Double, _ status: String, exit: Int = 0,
                      labels: [String: String] = [:], image: String = "sha256:aa") -> ContainerListEntry {
        ContainerListEntry(id: id, name: name, created: created, status: status, exitCode: exit, hasStarted: status != "created",
                           labels: labels, imageID: image, mounts: [], networkMode: "default")
    }

    static let entries = [
        entry("a1", "web", 1, "running", labels: ["tier": "front"]),
        entry("b2", "db", 2, "exited", exit: 3, labels: ["tier": "back"]),
        entry("c3", "webcache", 3, "exited", exit: 0, image: "sha256:bb"),
        entry("d4", "fresh", 4, "created"),
        entry("e5", "worker", 5, "paused"),
    ]

    func names(_ options: ContainerListOptions) throws -> [String] {
        try ContainerListFilter(options) { $0 == "cache-image" ? "sha256:bb" : nil }.select(Self.entries).map(\.name)
    }

    @Test func selection() throws {
        #expect(try names(ContainerListOptions()) == ["worker", "web"])
        #expect(try names(ContainerListOptions(all: true)) == ["worker", "fresh", "webcache", "db", "web"])
        #expect(try names(ContainerListOptions(limit: 2)) == ["worker", "fresh"])
        #expect(try names(ContainerListOptions(filters: ["status": ["exited"]])) == ["webcache", "db"])
        #expect(try names(ContainerListOptions(all: true, filters: ["name": ["web"]])) == ["webcache", "web"])
        #expect(try names(ContainerListOptions(all: true, filters: ["name": ["^web$"]])) == ["web"])
        #expect(try names(ContainerListOptions(all: true, filters: ["name": ["^/db$"]])) == ["db"])
        #expect(try names(ContainerListOptions(all: true, filters: ["id": ["^c"]])) == ["webcache"])
        #expect(try names(ContainerListOptions(all: true, filters: ["label": ["tier"]])) == ["db", "web"])
        #expect(try names(ContainerListOptions(all: true, filters: ["label": ["tier=back"]])) == ["db"])
        #expect(try names(ContainerListOptions(all: true, filters: ["exited": ["3"]])) == ["db"])
        #expect(try names(ContainerListOptions(all: true, filters: ["ancestor": ["cache-image"]])) == ["webcache"])
        #expect(try names(ContainerListOptions(all: true, filters: ["before": ["webcache"]])) == ["db", "web"])
        #expect(try names(ContainerListOptions(all: true, filters: ["since": ["db"]])) == ["worker", "fresh", "webcache"])
    }

    @Test func badFiltersAre400() {
        #expect(throws: APIError.badRequest("invalid filter 'colour'")) { try names(ContainerListOptions(filters: ["colour": ["red"]])) }
        #expect(throws: APIError.self) { try names(ContainerListOptions(filters: ["status": ["sleeping"]])) }
        #expect(throws: APIError.self) { try names(ContainerListOptions(filters: ["exited": ["x"]])) }
        #expect(throws: APIError.notFound("No such container: ghost")) { try names(ContainerListOptions(filters: ["before": ["ghost"]])) }
    }

    @Test func filtersJSONInBothShapes() throws {
        #expect(try FilterParameters.parse(#"{"status":{"exited":true},"name":{"a":true,"b":false}}"#) == ["status": ["exited"], "name": ["a"]])
        #expect(try FilterParameters.parse(#"{"label":["x=1","y"]}"#) == ["label": ["x=1", "y"]])
        #expect(try FilterParameters.parse(nil) == [:])
        #expect(throws: APIError.self) { try FilterParameters.parse("{nope") }
    }
}
