import Foundation
import OCI
import Testing

/// Guards the error paths: each bad input gets a clear message, a non-zero
/// exit, and leaves no state, cgroup or process behind.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real runtime"))
struct BadInputRootTests {
    let harness = RuntimeHarness()

    /// Asserts the command failed with `message` and nothing of `id` remains.
    func expectCleanFailure(_ result: CommandResult, _ message: String, id: String, bundle: String? = nil) {
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: harness.stateRoot + "/" + id))
        if let bundle {
            #expect(RuntimeHarness.leftoverCgroups(named: URL(fileURLWithPath: bundle).lastPathComponent).isEmpty)
        }
    }

    @Test func malformedConfig() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"])
        try Data("{\"ociVersion\": \"1.0.2\", \"process\": {".utf8).write(to: URL(fileURLWithPath: bundle + "/config.json"))
        let id = harness.newID()
        expectCleanFailure(harness.runtime(["create", "--bundle", bundle, id]), "invalid config.json", id: id)
        let wrongType = try harness.makeBundle(args: ["true"])
        try Data("{\"ociVersion\":\"1.0.2\",\"process\":{\"args\":\"true\",\"cwd\":\"/\",\"user\":{\"uid\":0,\"gid\":0}},\"root\":{\"path\":\"rootfs\"}}".utf8)
            .write(to: URL(fileURLWithPath: wrongType + "/config.json"))
        expectCleanFailure(harness.runtime(["create", "--bundle", wrongType, id]), "process.args", id: id)
    }

    @Test func missingRootfs() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"]) { $0.root = Root(path: "/nonexistent/rootfs") }
        let id = harness.newID()
        expectCleanFailure(harness.runtime(["run", "--bundle", bundle, id]), "rootfs /nonexistent/rootfs does not exist", id: id, bundle: bundle)
    }

    @Test func unknownNamespace() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"]) { $0.linux?.namespaces?.append(Namespace(type: "bogus")) }
        let id = harness.newID()
        expectCleanFailure(harness.runtime(["create", "--bundle", bundle, id]), "unknown namespace type \"bogus\"", id: id, bundle: bundle)
    }

    @Test func missingExecutable() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["no-such-program"])
        let id = harness.newID()
        expectCleanFailure(harness.runtime(["create", "--bundle", bundle, id]), "executable file not found in $PATH", id: id, bundle: bundle)
    }

    @Test func duplicateID() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sleep", "300"])
        let id = harness.newID()
        #expect(harness.runtime(["create", "--bundle", bundle, id]).status == 0)
        let again = harness.runtime(["create", "--bundle", bundle, id])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        // The first container is untouched.
        #expect(harness.runtime(["state", id]).stdout.contains("\"created\""))
        #expect(harness.runtime(["delete", "--force", id]).status == 0)
    }

    @Test func startOfAStoppedContainer() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"])
        let id = harness.newID()
        #expect(harness.runtime(["run", "-d", "--bundle", bundle, id]).status == 0)
        for _ in 0..<200 where !harness.runtime(["state", id]).stdout.contains("stopped") { usleep(10_000) }
        let again = harness.runtime(["start", id])
        #expect(again.status != 0)
        #expect(again.stderr.contains("cannot start a container that has stopped"), "\(again.stderr)")
        #expect(harness.runtime(["delete", id]).status == 0)
    }

    @Test(arguments: [
        (["state", "no-such-container"], "does not exist"),
        (["kill", "no-such-container", "KILL"], "does not exist"),
        (["delete", "no-such-container"], "does not exist"),
        (["start", "bad/id"], "invalid container id"),
        (["kill", "x", "SIGNOPE"], "unknown signal"),
        (["frobnicate"], "unknown command"),
        (["create", "--no-such-flag", "x"], "flag provided but not defined: --no-such-flag"),
    ])
    func badCommandLines(arguments: [String], message: String) {
        defer { harness.cleanUp() }
        let result = harness.runtime(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }
}
