import BerthTestSupport
import Crypto
import Foundation
import Testing

/// The container lifecycle through the stock docker CLI against a real
/// berthd: foreground runs (attach), stdin, exit codes, logs options, stop,
/// kill, restart, wait, restart policies, events.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root: real containers"))
struct ContainerLifecycleRootTests {
    @Test func foregroundRunStreamsOutputAndExitsWithTheContainersCode() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let run = try bed.docker(["run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 5"])
        #expect(run.status == 5)
        #expect(run.stdout == "out\n")
        #expect(run.stderr == "err\n")
        #expect(try bed.docker(["ps", "-aq"]).stdout.isEmpty, "--rm removed the container")
        let kept = try bed.docker(["run", "--name", "kept", "busybox", "echo", "kept"])
        #expect(kept.status == 0 && kept.stdout == "kept\n")
        #expect(try bed.docker(["ps", "-a", "--format", "{{.Names}} {{.Status}}"]).stdout.contains("kept Exited (0)"))
        let missing = try bed.docker(["run", "--rm", "busybox", "no-such-command"])
        #expect(missing.status == 127, "\(missing.stderr)")
        #expect(missing.stderr.contains("executable file not found"))
        let noImage = try bed.docker(["run", "--rm", "no-such-image"])
        #expect(noImage.status == 125)
        #expect(noImage.stderr.contains("No such image") || noImage.stderr.contains("Unable to find image"), "\(noImage.stderr)")
        #expect(bed.leftoverMounts().filter { $0.contains("/containers/") && !$0.contains("kept") }.count <= 0)
    }

    @Test func stdinReachesTheContainerByteForByte() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let echoed = bed.docker(["run", "-i", "--rm", "busybox", "cat"], input: Data("hello\n".utf8))
        #expect(echoed.status == 0 && echoed.stdout == "hello\n", "\(echoed.stderr)")
        var random = [UInt8](repeating: 0, count: 1 << 20)
        for index in random.indices { random[index] = UInt8.random(in: 0...255) }
        let work = bed.work.path + "/big.out"
        let big = SpawnedCommand.run(
            ["/bin/sh", "-c", "/usr/local/bin/docker run -i --rm busybox cat > \(work)"], stdin: Data(random),
            environment: ["DOCKER_HOST": "unix://\(bed.socket)", "DOCKER_CONFIG": bed.work.path + "/cfg"], timeout: 120)
        #expect(big.status == 0, "\(big.stderr)")
        let received = try Data(contentsOf: URL(fileURLWithPath: work))
        #expect(received.count == random.count)
        #expect(SHA256.hash(data: received) == SHA256.hash(data: Data(random)))
    }

    @Test func logsTailTimestampsSinceAndFollow() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        try bed.docker(["run", "-d", "--name", "chatty", "busybox", "sh", "-c",
                        "for i in 1 2 3 4 5; do echo line $i; done; sleep 1; echo late; echo oops >&2"])
        let followed = try bed.docker(["logs", "-f", "chatty"])
        #expect(followed.stdout == "line 1\nline 2\nline 3\nline 4\nline 5\nlate\n", "follow ends when the container stops")
        #expect(followed.stderr == "oops\n")
        #expect(try bed.docker(["logs", "--tail", "2", "chatty"]).stdout == "late\n")
        #expect(try bed.docker(["logs", "--tail", "2", "chatty"]).stderr == "oops\n")
        let stamped = try bed.docker(["logs", "-t", "chatty"]).stdout.split(separator: "\n")
        #expect(stamped.count == 6)
        #expect(stamped.allSatisfy { $0.wholeMatch(of: #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line \d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z late/#) != nil }, "\(stamped)")
        let future = String(Int(Date().timeIntervalSince1970) + 3600)
        #expect(try bed.docker(["logs", "--since", future, "chatty"]).stdout.isEmpty)
        #expect(try bed.docker(["logs", "--until", "1", "chatty"]).stdout.isEmpty)
    }

    @Test func stopKillRestartAndWait() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        // sleep as PID 1 ignores SIGTERM: stop -t 1 kills it after the grace period.
        try bed.docker(["run", "-d", "--name", "stubborn", "busybox", "sleep", "300"])
        let started = Date()
        #expect(try bed.docker(["stop", "-t", "1", "stubborn"]).stdout == "stubborn\n")
        #expect(Date().timeIntervalSince(started) >= 0.9)
        #expect(try bed.docker(["inspect", "-f", "{{.State.ExitCode}}", "stubborn"]).stdout == "137\n")
        #expect(try bed.docker(["stop", "stubborn"]).status == 0, "stopping a stopped container is a 304 the CLI accepts")
        // A trap sees the signal kill -s sends.
        try bed.docker(["run", "-d", "--name", "trapper", "busybox", "sh", "-c", "trap 'echo got usr1; exit 9' USR1; while true; do sleep 0.1; done"])
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try bed.docker(["kill", "-s", "USR1", "trapper"]).status == 0)
        #expect(try bed.docker(["wait", "trapper"]).stdout == "9\n")
        #expect(try bed.docker(["logs", "trapper"]).stdout == "got usr1\n")
        let notRunning = try bed.docker(["kill", "trapper"])
        #expect(notRunning.status != 0 && notRunning.stderr.contains("is not running"), "\(notRunning.stderr)")
        // restart gives a new run; start -a streams.
        #expect(try bed.docker(["restart", "-t", "1", "stubborn"]).status == 0)
        #expect(try bed.docker(["inspect", "-f", "{{.State.Running}}", "stubborn"]).stdout == "true\n")
        try bed.docker(["create", "--name", "once", "busybox", "sh", "-c", "echo started; exit 4"])
        let attached = try bed.docker(["start", "-a", "once"])
        #expect(attached.stdout == "started\n" && attached.status == 4)
        #expect(try bed.docker(["rm", "-f", "stubborn", "trapper", "once"]).status == 0)
    }

    @Test func memoryLimitIsEnforcedAndReportedAsOOMKilled() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        // tail keeps the one endless line in memory: the 8 MiB limit (16 MiB with swap) kills it.
        let run = try bed.docker(["run", "--name", "hog", "-m", "8m", "busybox", "sh", "-c", "head -c 200m /dev/zero | tail > /dev/null"])
        #expect(run.status == 137, "\(run.stderr)")
        #expect(try bed.docker(["inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}} {{.HostConfig.Memory}}", "hog"]).stdout == "true 137 8388608\n")
        let events = try bed.docker(["events", "--since", "0", "--until", String(Int(Date().timeIntervalSince1970) + 1),
                                     "--filter", "event=oom", "--format", "{{.Actor.Attributes.name}}"])
        #expect(events.stdout == "hog\n")
    }

    @Test func restartPoliciesAndEvents() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let since = String(Int(Date().timeIntervalSince1970) - 1)
        try bed.docker(["run", "-d", "--name", "flaky", "--restart", "on-failure:2", "busybox", "sh", "-c", "echo try; exit 3"])
        var tries = 0
        for _ in 0..<50 {
            tries = try bed.docker(["logs", "flaky"]).stdout.split(separator: "\n").count
            let status = try bed.docker(["inspect", "-f", "{{.State.Status}}", "flaky"]).stdout
            if tries == 3 && status == "exited\n" { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(tries == 3, "one run and two restarts")
        #expect(try bed.docker(["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "flaky"]).stdout == "exited 3\n")
        let bad = try bed.docker(["run", "-d", "--restart", "sometimes", "busybox", "true"])
        #expect(bad.status == 125 && bad.stderr.contains("restart policy"), "\(bad.stderr)")
        _ = try bed.docker(["run", "--rm", "busybox", "true"])
        let until = String(Int(Date().timeIntervalSince1970) + 1)
        let events = try bed.docker(["events", "--since", since, "--until", until, "--format", "{{.Type}} {{.Action}}"])
        let actions = events.stdout.split(separator: "\n").map(String.init)
        #expect(actions.filter { $0 == "container start" }.count == 4, "\(actions)")
        #expect(actions.filter { $0 == "container die" }.count == 4)
        #expect(actions.contains("container destroy") && actions.contains("container create"))
        let filtered = try bed.docker(["events", "--since", since, "--until", until, "--filter", "container=flaky", "--filter", "event=die",
                                       "--format", "{{.Actor.Attributes.exitCode}}"])
        #expect(filtered.stdout == "3\n3\n3\n", "\(filtered.stdout)")
    }

    @Test func runningContainersSurviveADaemonKill9() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let names = (1...10).map { "survivor\($0)" }
        for name in names {
            let run = try bed.docker(["run", "-d", "--name", name, "busybox", "sh", "-c",
                                      "trap 'exit 0' TERM; while true; do echo tick; sleep 0.1; done"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try bed.docker(["run", "-d", "--name", "always", "--restart", "always", "busybox", "sh", "-c", "sleep 0.3; exit 1"])
        let before = try bed.docker(["logs", "survivor1"]).stdout.count
        try bed.crashAndRestartDaemon()
        let running = try bed.docker(["ps", "-q"]).stdout.split(separator: "\n")
        #expect(running.count >= 10, "every container kept running")
        for name in names {
            #expect(try bed.docker(["inspect", "-f", "{{.State.Running}}", name]).stdout == "true\n")
        }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try bed.docker(["logs", "survivor1"]).stdout.count > before, "the log kept growing")
        #expect(try bed.docker(["stop", "-t", "5"] + names).status == 0)
        for name in names {
            #expect(try bed.docker(["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name]).stdout == "exited 0\n")
        }
        // Image names are in the metadata database (no JSON file) and survived the crash.
        #expect(!FileManager.default.fileExists(atPath: bed.daemon.dataRoot + "/image/repositories.json"))
        #expect(try bed.docker(["images", "--format", "{{.Repository}}:{{.Tag}}"]).stdout.contains("busybox:latest"))
        // The always-restart container is still being restarted by the new daemon.
        var starts = 0
        for _ in 0..<40 {
            let events = try bed.docker(["events", "--since", "0", "--until", String(Int(Date().timeIntervalSince1970) + 1),
                                         "--filter", "container=always", "--filter", "event=start"])
            starts = events.stdout.split(separator: "\n").count
            if starts >= 1 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(starts >= 1, "the new daemon restarted the always container")
    }

    @Test func fiftyParallelRunsAndRemovesLeaveNothingBehind() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let failures = NSLock()
        nonisolated(unsafe) var errors: [String] = []
        nonisolated(unsafe) var ids: [String] = []
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            let name = "par\(index)"
            let run = try? bed.docker(["run", "-d", "--name", name, "busybox", "sleep", "60"])
            let removed = try? bed.docker(["rm", "-f", name])
            failures.lock()
            ids.append(run?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            failures.unlock()
            if run?.status != 0 || removed?.status != 0 {
                failures.lock()
                errors.append("\(name): \(run?.stderr ?? "") \(removed?.stderr ?? "")")
                failures.unlock()
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        #expect(try bed.docker(["ps", "-aq"]).stdout.isEmpty)
        #expect(bed.leftoverMounts().isEmpty, "\(bed.leftoverMounts())")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(bed.leftoverProcesses().isEmpty, "no shim or container process is left")
        let cgroups = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/fs/cgroup/memory/berth")) ?? []
        #expect(cgroups.filter { ids.contains($0) }.isEmpty, "no container cgroup is left")
        let containers = (try? FileManager.default.contentsOfDirectory(atPath: bed.daemon.dataRoot + "/containers")) ?? []
        #expect(containers.isEmpty)
    }
}
