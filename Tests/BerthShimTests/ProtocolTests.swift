import BerthShim
import Testing

@Suite struct ProtocolTests {
    @Test(arguments: [
        ("status", ControlCommand.status),
        ("wait", .wait),
        ("shutdown", .shutdown),
        ("kill TERM", .kill(signal: "TERM", all: false)),
        ("kill  9 all", .kill(signal: "9", all: true)),
        ("kill SIGRTMIN+1", .kill(signal: "SIGRTMIN+1", all: false)),
        ("attach", .attach(AttachOptions())),
        ("attach stdin stdout stderr stdin-once", .attach(AttachOptions(stdin: true, stdout: true, stderr: true, stdinOnce: true))),
        ("attach stderr", .attach(AttachOptions(stderr: true))),
        ("start", .start),
        ("resize 30 100", .resize(rows: 30, columns: 100, exec: nil)),
        ("resize 30 100 ab12", .resize(rows: 30, columns: 100, exec: "ab12")),
        ("exec ab12", .exec(ExecRequest(id: "ab12"))),
        ("exec ab12 tty stdin stdin-once stdout stderr",
         .exec(ExecRequest(id: "ab12", tty: true, streams: AttachOptions(stdin: true, stdout: true, stderr: true, stdinOnce: true)))),
        ("wait-exec ab12", .waitExec("ab12")),
    ])
    func parsesRequests(line: String, expected: ControlCommand) throws {
        #expect(try ControlCommand.parse(line).get() == expected)
    }

    @Test(arguments: ["", "bogus", "kill", "kill TERM some", "kill --all", "kill a b c", "status now", "attach stdio", "resize 30", "resize a b", "start now",
                          "exec", "exec ../x", "exec a/b stdout", "exec ab12 loud", "wait-exec", "wait-exec a.b", "resize 1 2 x/y"])
    func refusesBadRequests(line: String) {
        #expect(throws: ControlCommandError.self) { try ControlCommand.parse(line).get() }
    }

    @Test func exitRecordRoundTrips() {
        let record = ExitRecord(exitCode: 137, oomKilled: true, finishedAt: "2026-11-30T01:23:45.123456789Z")
        #expect(record.json == #"{"exitCode":137,"oomKilled":true,"finishedAt":"2026-11-30T01:23:45.123456789Z"}"#)
        #expect(ExitRecord(json: record.json) == record)
        #expect(ExitRecord(json: "{}") == nil)
    }

    @Test(arguments: [
        (nil as String?, "/berth/c1"), ("", "/berth/c1"), ("/a/b/", "/a/b"), ("rel/x", "/berth/rel/x"),
    ])
    func resolvesCgroupPathsLikeTheRuntime(raw: String?, expected: String) {
        #expect(MemoryCgroup.resolve(raw, id: "c1") == expected)
    }

    @Test func parsesTheCommandLine() throws {
        let options = try ShimOptions.parse([
            "--id", "c1", "--bundle", "/b", "--runtime", "berth-runtime", "--runtime-root", "/r", "--state-dir", "/s",
            "--log-path", "/l/c.log", "--log-max-size", "1024", "--log-max-files", "5", "--tty", "--stdin",
        ])
        #expect(options == ShimOptions(
            id: "c1", bundle: "/b", runtime: "berth-runtime", runtimeRoot: "/r", stateDirectory: "/s", logPath: "/l/c.log",
            logMaxSize: 1024, logMaxFiles: 5, tty: true, stdin: true))
        #expect(options.controlSocketPath == "/s/shim.sock")
        let defaults = try ShimOptions.parse([
            "--id", "c1", "--bundle", "b", "--runtime", "./rt", "--runtime-root", "/r", "--state-dir", "/s", "--log-path", "/l",
        ])
        #expect(defaults.logMaxSize == 10 * 1024 * 1024 && defaults.logMaxFiles == 3 && !defaults.tty && !defaults.stdin)
        #expect(defaults.bundle.hasPrefix("/") && defaults.runtime.hasPrefix("/"))
    }

    @Test(arguments: [
        ["--id", "c1"],
        ["--id", "c1", "--bundle", "/b", "--runtime", "r", "--runtime-root", "/r", "--state-dir", "/s", "--log-path", "/l", "--bogus"],
        ["--id", "a/b", "--bundle", "/b", "--runtime", "r", "--runtime-root", "/r", "--state-dir", "/s", "--log-path", "/l"],
        ["--id", "c1", "--bundle", "/b", "--runtime", "r", "--runtime-root", "/r", "--state-dir", "/s", "--log-path", "/l", "--log-max-files", "0"],
        ["--id", "c1", "--bundle", "/b", "--runtime", "r", "--runtime-root", "/r", "--state-dir", "/s", "--log-path"],
    ])
    func refusesBadCommandLines(arguments: [String]) {
        #expect(throws: ShimError.self) { try ShimOptions.parse(arguments) }
    }
}
