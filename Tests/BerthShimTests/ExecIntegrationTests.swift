import Foundation
import Glibc
import LinuxSys
import Testing

/// Root-only: `docker exec`'s path through the container's own shim — the
/// `exec` request's stream, `wait-exec`, exit.json, and dockerd's 126.
@Suite(.serialized, .enabled(if: ShimHarness.isRoot, "needs root: real namespaces and cgroups"))
struct ExecIntegrationTests {
    let attach = AttachIntegrationTests()

    /// Writes ID/process.json under the exec root and sends `exec ID words`; returns the connection.
    func exec(_ harness: ShimHarness, _ id: String, args: [String], _ words: String = "") throws -> (FileDescriptor, String) {
        let directory = harness.workDirectory + "/x/" + id
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process: [String: Any] = ["args": args, "cwd": "/", "user": ["uid": 0, "gid": 0],
                                      "env": ["PATH=/usr/bin:/bin:/usr/sbin:/sbin"], "terminal": false]
        try JSONSerialization.data(withJSONObject: process).write(to: URL(fileURLWithPath: directory + "/process.json"))
        let fd = try Terminal.connectUnix(harness.stateDirectory + "/shim.sock")
        try fd.writeAll("exec \(id)\(words.isEmpty ? "" : " " + words)\n")
        var reply: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd.rawValue, &byte, 1) == 1 && byte != 0x0a { reply.append(byte) }
        return (fd, String(decoding: reply, as: UTF8.self))
    }

    @Test func execStreamsRecordsItsExitAndAnswersWaitExec() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sleep", "60"])
        #expect(harness.startShim(["--exec-root", harness.workDirectory + "/x"]).status == 0)
        defer { _ = harness.request("kill KILL") }

        let (stream, reply) = try exec(harness, "e1", args: ["sh", "-c", "cat; echo bye >&2; exit 5"], "stdin stdin-once stdout stderr")
        defer { stream.close() }
        #expect(reply == #"{"ok":true}"#)
        try stream.writeAll("through the exec\n")
        shutdown(stream.rawValue, Int32(SHUT_WR))
        let streams = attach.demultiplex(attach.readToEnd(stream))
        #expect(streams[1] == "through the exec\n" && streams[2] == "bye\n", "\(streams)")
        // The record is on disk before the stream ends, and wait-exec answers from it.
        let record = try String(contentsOfFile: harness.workDirectory + "/x/e1/exit.json", encoding: .utf8)
        #expect(record.contains(#""exitCode":5"#), "\(record)")
        #expect(harness.requestJSON("wait-exec e1")?["exitCode"] as? Int == 5)
        // The container itself is untouched, and its log holds none of the exec's output.
        #expect(harness.requestJSON("status")?["running"] as? Bool == true)
        #expect(!harness.logRecords().contains { ($0["log"] as? String) == "bye\n" })
    }

    @Test func aCommandThatCannotStartIs126AndADetachedExecRunsToItsEnd() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sleep", "60"])
        #expect(harness.startShim(["--exec-root", harness.workDirectory + "/x"]).status == 0)
        defer { _ = harness.request("kill KILL") }

        let (missing, reply) = try exec(harness, "e2", args: ["no-such-command"], "stdout stderr")
        defer { missing.close() }
        #expect(reply == #"{"ok":true}"#)
        let streams = attach.demultiplex(attach.readToEnd(missing))
        #expect(streams[2]?.contains("executable file not found") == true, "\(streams)")
        #expect(harness.requestJSON("wait-exec e2")?["exitCode"] as? Int == 126)

        // Without streams the reply ends the exchange; wait-exec waits for the end.
        let (detached, ok) = try exec(harness, "e3", args: ["sh", "-c", "sleep 0.3; exit 7"])
        detached.close()
        #expect(ok == #"{"ok":true}"#)
        #expect(harness.requestJSON("wait-exec e3")?["exitCode"] as? Int == 7)
        #expect(harness.request("wait-exec e4")?.contains("no such exec") == true)
        #expect(harness.request("exec ../etc")?.contains("invalid exec id") == true)
    }

    @Test func execIsRefusedWithoutAnExecRootOrOnceTheContainerHasExited() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "exit 0"])
        #expect(harness.startShim().status == 0)
        #expect(harness.request("exec e5")?.contains("without --exec-root") == true)
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 0)
    }
}
