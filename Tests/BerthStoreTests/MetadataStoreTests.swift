@testable import BerthStore
import Foundation
import Testing

/// Guards berthd's metadata store: WAL, migrations, lookup as dockerd does it,
/// and container names that stay unique under concurrent creates.
@Suite struct MetadataStoreTests {
    let directory = NSTemporaryDirectory() + "berth-store-\(UUID().uuidString)"

    func open() throws -> MetadataStore {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try MetadataStore(path: directory + "/berth.db")
    }

    static func row(_ id: String, _ name: String) -> ContainerRow {
        ContainerRow(id: id, name: name, image: "sha256:abc", created: "2026-11-30T00:00:00Z", config: "{}", state: #"{"Status":"created"}"#)
    }

    @Test func walLookupRenameAndPersistence() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try open()
        #expect(try store.journalMode() == "wal")
        let id = String(repeating: "ab", count: 32)
        try store.insert(Self.row(id, "web"))
        #expect(try store.container("web").id == id)
        #expect(try store.container("/web").id == id)
        #expect(try store.container(String(id.prefix(12))).name == "web")
        #expect(throws: StoreError.noSuchContainer("nope")) { try store.container("nope") }
        try store.insert(Self.row(String(repeating: "ac", count: 32), "db"))
        #expect(throws: StoreError.ambiguous("a")) { try store.container("a") }
        try store.rename(id: id, to: "frontend")
        #expect(throws: StoreError.self) { try store.rename(id: id, to: "db") }
        try store.updateState(id: id, state: #"{"Status":"running"}"#)
        // Reopening (a daemon restart) sees everything, migrations are idempotent.
        let reopened = try MetadataStore(path: directory + "/berth.db")
        #expect(try reopened.container("frontend").state == #"{"Status":"running"}"#)
        #expect(try reopened.containers().count == 2)
    }

    @Test func namesStayUniqueUnderConcurrentCreates() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try open()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<50 {
                group.addTask {
                    (try? store.insert(Self.row(String(format: "%064x", index), "same-name"))) != nil
                }
            }
            var results: [Bool] = []
            for await outcome in group { results.append(outcome) }
            return results
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try store.containers().count == 1)
        let holder = try store.container("same-name").id
        #expect(throws: StoreError.nameInUse(name: "same-name", holder: holder)) {
            try store.insert(Self.row(String(repeating: "f", count: 64), "same-name"))
        }
    }

    @Test func execsGoWithTheirContainer() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try open()
        let id = String(repeating: "cd", count: 32)
        try store.insert(Self.row(id, "app"))
        try store.insert(ExecRow(id: "e1", containerID: id, config: "{}", state: "{}"))
        #expect(throws: StoreError.noSuchContainer("missing")) {
            try store.insert(ExecRow(id: "e2", containerID: "missing", config: "{}", state: "{}"))
        }
        #expect(try store.execs(of: id).map(\.id) == ["e1"])
        try store.deleteContainer(id: id)
        #expect(try store.execs(of: id).isEmpty)
    }
}
