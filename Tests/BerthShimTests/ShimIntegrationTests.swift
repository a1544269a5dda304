import Foundation
import Testing

/// Root-only: the real shim running real containers through berth-runtime.
@Suite(.serialized, .enabled(if: ShimHarness.isRoot, "needs root: real namespaces and cgroups"))
struct ShimIntegrationTests {
    /// RFC 3339 with nine fraction digits, UTC.
    static func isRFC3339Nano(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z/#) != nil
    }

    @Test func recordsExitCodeAndLogsBothStreams() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "echo out; echo err >&2; exit 3"])
        let started = harness.startShim()
        #expect(started.status == 0, "\(started.stderr)")
        #expect(pid_t(started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil)
        let waited = harness.requestJSON("wait")
        #expect(waited?["exitCode"] as? Int == 3)
        let exitData = try Data(contentsOf: URL(fileURLWithPath: harness.stateDirectory + "/exit.json"))
        let exit = try #require(try JSONSerialization.jsonObject(with: exitData) as? [String: Any])
        #expect(exit["exitCode"] as? Int == 3)
        #expect(exit["oomKilled"] as? Bool == false)
        #expect(Self.isRFC3339Nano(exit["finishedAt"] as? String))
        let records = harness.logRecords()
        #expect(records.count == 2)
        let byStream = Dictionary(records.map { ($0["stream"] as? String ?? "", $0["log"] as? String ?? "") }) { first, _ in first }
        #expect(byStream["stdout"] == "out\n")
        #expect(byStream["stderr"] == "err\n")
        for record in records {
            #expect(Self.isRFC3339Nano(record["time"] as? String))
        }
        #expect(harness.request("shutdown") == #"{"ok":true}"#)
    }

    @Test func rotatesTheLogKeepingThreeFilesInOrder() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        // 160 lines of 64 bytes: 10 KiB of output, about 20 KiB of records.
        let script = "i=100; while [ $i -lt 260 ]; do echo \"line-$i-abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0\"; i=$((i+1)); done"
        try harness.makeBundle(args: ["sh", "-c", script])
        let started = harness.startShim(["--log-max-size", "1024"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: harness.workDirectory + "/log").sorted()
        #expect(files == ["container.log", "container.log.1", "container.log.2"])
        var numbers: [Int] = []
        for name in ["container.log.2", "container.log.1", "container.log"] {
            let path = harness.workDirectory + "/log/" + name
            let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
            #expect(size <= 1024 + 200, "\(name) is \(size) bytes")
            for record in harness.logRecords(path: path) {
                let text = record["log"] as? String ?? ""
                numbers.append(Int(text.dropFirst(5).prefix(3)) ?? -1)
            }
        }
        #expect(!numbers.isEmpty)
        #expect(numbers.last == 259)
        #expect(numbers == Array((numbers.first ?? 0)...259))
    }

    @Test func survivesItsStarterAndServesStatusKillAndWait() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "trap 'echo bye; exit 42' TERM; echo ready; while true; do sleep 0.1; done"])
        let quoted = ([ShimHarness.shimPath] + harness.shimArguments()).map { "'\($0)'" }.joined(separator: " ")
        let started = ShimHarness.shell(["sh", "-c", "\(quoted) >/dev/null; exit 0"])
        #expect(started.status == 0)
        let shim = try #require(harness.shimPID)
        #expect(kill(shim, 0) == 0)
        #expect(getsid(shim) != getsid(0), "the shim has left the starter's session")
        let status = try #require(harness.requestJSON("status"))
        #expect(status["running"] as? Bool == true)
        let initPID = try #require(status["pid"] as? Int)
        #expect(kill(pid_t(initPID), 0) == 0)
        #expect(ShimHarness.eventually { harness.logRecords().contains { $0["log"] as? String == "ready\n" } })
        // A second, independent connection: re-connectable any number of times.
        #expect(harness.requestJSON("status")?["pid"] as? Int == initPID)
        #expect(harness.requestJSON("shutdown")?["error"] != nil, "shutdown is refused while running")
        #expect(harness.request("kill TERM") == #"{"ok":true}"#)
        let waited = try #require(harness.requestJSON("wait"))
        #expect(waited["exitCode"] as? Int == 42)
        #expect(harness.requestJSON("status")?["running"] as? Bool == false)
        #expect(harness.logRecords().contains { $0["log"] as? String == "bye\n" })
        #expect(harness.request("shutdown") == #"{"ok":true}"#)
        #expect(ShimHarness.eventually { kill(shim, 0) != 0 })
        #expect(!FileManager.default.fileExists(atPath: harness.stateDirectory + "/shim.sock"))
        #expect(FileManager.default.fileExists(atPath: harness.stateDirectory + "/exit.json"))
    }

    @Test func killAllAndKillSignalNumbers() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "while true; do sleep 0.1; done"])
        #expect(harness.startShim().status == 0)
        #expect(harness.request("kill 9 all") == #"{"ok":true}"#)
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 137)
        #expect(harness.requestJSON("kill KILL")?["error"] != nil, "kill after exit reports the runtime's error")
    }

    @Test func reportsAnOOMKill() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "x=aaaaaaaaaaaaaaaa; while true; do x=\"$x$x\"; done"]) { config in
            var linux = config["linux"] as? [String: Any] ?? [:]
            var resources = linux["resources"] as? [String: Any] ?? [:]
            resources["memory"] = ["limit": 32 * 1024 * 1024]
            linux["resources"] = resources
            config["linux"] = linux
        }
        let started = harness.startShim()
        #expect(started.status == 0, "\(started.stderr)")
        let waited = try #require(harness.requestJSON("wait", timeout: 60))
        #expect(waited["exitCode"] as? Int == 137)
        #expect(waited["oomKilled"] as? Bool == true)
    }

    @Test func logsRawTerminalOutputWithTTY() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "tty; echo hi"], terminal: true)
        let started = harness.startShim(["--tty"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 0)
        let records = harness.logRecords()
        let text = records.map { $0["log"] as? String ?? "" }.joined()
        #expect(text == "/dev/pts/0\r\nhi\r\n")
        #expect(records.allSatisfy { $0["stream"] as? String == "stdout" })
        #expect(!FileManager.default.fileExists(atPath: harness.stateDirectory + "/console.sock"))
    }

    @Test func badRuntimePathFailsSynchronouslyLeavingNoShim() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["true"])
        let started = harness.startShim(runtime: "/nonexistent/berth-runtime")
        #expect(started.status != 0)
        #expect(started.stderr.contains("/nonexistent/berth-runtime"), "\(started.stderr)")
        #expect(started.stderr.contains("No such file or directory"), "\(started.stderr)")
        #expect(started.stdout.isEmpty)
        #expect(ShimHarness.eventually { ShimHarness.processes(mentioning: harness.id).isEmpty })
        #expect(!FileManager.default.fileExists(atPath: harness.stateDirectory + "/shim.sock"))
        #expect(!FileManager.default.fileExists(atPath: harness.stateDirectory + "/shim.pid"))
    }

    @Test func badBundleFailsWithTheRuntimesMessage() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        // No config.json in the bundle.
        let started = harness.startShim()
        #expect(started.status != 0)
        #expect(started.stderr.contains("runtime create failed"), "\(started.stderr)")
        #expect(started.stderr.contains("config.json"), "\(started.stderr)")
        #expect(ShimHarness.eventually { ShimHarness.processes(mentioning: harness.id).isEmpty })
        let listed = ShimHarness.shell([ShimHarness.runtimePath, "--root", harness.runtimeRoot, "list", "-q"])
        #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func stdinIsAPipeWithStdinAndNullWithout() throws {
        for (flag, expected) in [(true, "pipe:"), (false, "/dev/null")] {
            let harness = ShimHarness()
            defer { harness.cleanUp() }
            try harness.makeBundle(args: ["sh", "-c", "readlink /proc/self/fd/0"])
            #expect(harness.startShim(flag ? ["--stdin"] : []).status == 0)
            #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 0)
            let output = harness.logRecords().first?["log"] as? String ?? ""
            #expect(output.hasPrefix(expected), "\(output)")
        }
    }

    @Test func refusesASecondShimForTheSameStateDirectory() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "while true; do sleep 0.1; done"])
        #expect(harness.startShim().status == 0)
        let second = harness.startShim()
        #expect(second.status != 0)
        #expect(second.stderr.contains("already running"), "\(second.stderr)")
        #expect(harness.requestJSON("status")?["running"] as? Bool == true, "the first shim still answers")
        #expect(harness.request("kill KILL") == #"{"ok":true}"#)
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 137)
    }

    @Test func residentMemoryOfARunningShim() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "while true; do echo tick; sleep 0.05; done"])
        #expect(harness.startShim().status == 0)
        let shim = try #require(harness.shimPID)
        usleep(300_000)
        let resident = try #require(ShimHarness.residentKiB(shim))
        print("berth-shim VmRSS while logging: \(resident) KiB (\(ShimHarness.shimPath))")
        // Release builds stay under 4 MiB; debug builds carry unoptimised code.
        #expect(resident < 8 * 1024)
        #expect(harness.request("kill KILL") == #"{"ok":true}"#)
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 137)
    }
}
