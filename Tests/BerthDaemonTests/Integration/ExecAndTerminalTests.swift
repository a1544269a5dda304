import BerthTestSupport
import Foundation
import Testing

/// `docker exec` and interactive sessions through the stock docker CLI: exit
/// codes, streams, stdin, users, and real terminals driven by tmux.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root: real containers"))
struct ExecAndTerminalRootTests {
    @Test func execStreamsExitCodesAndOptions() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        try bed.docker(["run", "-d", "--name", "box", "-e", "FROM_RUN=1", "busybox", "sleep", "300"])
        let streams = try bed.docker(["exec", "box", "sh", "-c", "echo exo; echo exe >&2; exit 3"])
        #expect(streams.status == 3 && streams.stdout == "exo\n" && streams.stderr == "exe\n", "\(streams)")
        #expect(try bed.docker(["exec", "-u", "1000:1000", "-w", "/tmp", "-e", "X=y", "box", "sh", "-c", "echo $(id -u) $(pwd) $X $FROM_RUN"])
            .stdout == "1000 /tmp y 1\n")
        let piped = bed.docker(["exec", "-i", "box", "cat"], input: Data("through exec\n".utf8))
        #expect(piped.status == 0 && piped.stdout == "through exec\n", "\(piped.stderr)")
        #expect(try bed.docker(["exec", "-d", "box", "sh", "-c", "sleep 0.2; touch /tmp/detached"]).status == 0)
        Thread.sleep(forTimeInterval: 0.6)
        #expect(try bed.docker(["exec", "box", "ls", "/tmp/detached"]).status == 0)
        // ps inside an exec sees the container's processes (its pid namespace).
        #expect(try bed.docker(["exec", "box", "ps", "-o", "pid,comm"]).stdout.contains("1 sleep"))
        // A command that cannot start: 126 and the runtime's reason, as dockerd.
        let badKeys = try bed.docker(["exec", "--detach-keys", "ctrl-", "box", "true"])
        #expect(badKeys.status != 0 && badKeys.stderr.contains("Invalid escape keys"), "\(badKeys.stderr)")
        let missing = try bed.docker(["exec", "box", "no-such-command"])
        #expect(missing.status == 126 && missing.stderr.contains("executable file not found"), "\(missing)")
        #expect(try bed.docker(["exec", "box", "sh", "-c", "echo fails >&2; exit 1"]).status == 1, "a process's own exit 1 stays 1")
        // Execs run in the container's own shim: no process of their own stays, nor their directories.
        let execRoot = bed.daemon.dataRoot + "/x"
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: execRoot)) ?? []).isEmpty)
        let helpers = bed.processes(mentioning: "/s/", "/x/").count
        #expect(helpers == 1, "only the container's shim, no exec shim or runtime left: \(helpers)")
        try bed.docker(["pause", "box"])
        let paused = try bed.docker(["exec", "box", "true"])
        #expect(paused.status != 0 && paused.stderr.contains("is paused"), "\(paused.stderr)")
        try bed.docker(["unpause", "box"])
        // An exec still running when its container stops ends with it (and is recorded).
        try bed.docker(["exec", "-d", "box", "sleep", "100"])
        try bed.docker(["stop", "-t", "0", "box"])
        let stopped = try bed.docker(["exec", "box", "true"])
        #expect(stopped.status != 0 && stopped.stderr.contains("is not running"), "\(stopped.stderr)")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !((try? FileManager.default.contentsOfDirectory(atPath: execRoot)) ?? []).isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: execRoot)) ?? []).isEmpty)
    }

    /// The exec API's own lifecycle, as the CLI does not show it: inspect
    /// before, during and after a detached start; a second start refused.
    @Test func execInstancesThroughTheAPI() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        try bed.docker(["run", "-d", "--name", "box", "busybox", "sleep", "300"])
        func call(_ method: String, _ path: String, json: String = "") throws -> RawHTTPClient.Response {
            let client = try RawHTTPClient(socketPath: bed.socket)
            try client.send("\(method) \(path) HTTP/1.1\r\nHost: berth\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)")
            return try client.readResponse()
        }
        func inspect(_ id: String) throws -> [String: Any] {
            let response = try call("GET", "/v1.44/exec/\(id)/json")
            return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        }
        let created = try call("POST", "/v1.44/containers/box/exec", json: #"{"Cmd":["sh","-c","sleep 1; exit 9"],"DetachKeys":"ctrl-a,b"}"#)
        #expect(created.status == 201, "\(created.text)")
        let id = ((try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])?["Id"] as? String) ?? ""
        var state = try inspect(id)
        #expect(state["Running"] as? Bool == false && state["ExitCode"] is NSNull && state["DetachKeys"] as? String == "ctrl-a,b", "\(state)")
        #expect(try call("POST", "/v1.44/exec/\(id)/start", json: #"{"Detach":true}"#).status == 200)
        // The pid is known once the runtime has started the process.
        let started = Date().addingTimeInterval(0.8)
        repeat { state = try inspect(id) } while (state["Pid"] as? Int ?? 0) == 0 && Date() < started
        #expect(state["Running"] as? Bool == true && (state["Pid"] as? Int ?? 0) > 0, "\(state)")
        #expect(try call("POST", "/v1.44/exec/\(id)/start", json: #"{"Detach":true}"#).status == 409)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try inspect(id)["Running"] as? Bool == true { Thread.sleep(forTimeInterval: 0.05) }
        state = try inspect(id)
        #expect(state["Running"] as? Bool == false && state["ExitCode"] as? Int == 9, "\(state)")
        #expect(try call("GET", "/v1.44/exec/nosuch/json").status == 404)
        // Gone with their container.
        try bed.docker(["rm", "-f", "box"])
        #expect(try call("GET", "/v1.44/exec/\(id)/json").status == 404)
    }

    /// A tmux session running `command`; its screen, keys, and cleanup.
    final class Terminal {
        let name = "berth-\(UUID().uuidString.prefix(8))"
        init(_ command: String, socket: String, config: String) throws {
            let result = SpawnedCommand.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30",
                                             "DOCKER_HOST=unix://\(socket) DOCKER_CONFIG=\(config) \(command); echo EXIT=$?; sleep 60"])
            guard result.status == 0 else { throw DaemonProcess.Failure(description: "tmux: \(result.stderr)") }
        }
        func type(_ keys: String...) { _ = SpawnedCommand.run(["tmux", "send-keys", "-t", name] + keys) }
        var screen: String { SpawnedCommand.run(["tmux", "capture-pane", "-t", name, "-p"]).stdout }
        func waitFor(_ text: String, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        deinit { _ = SpawnedCommand.run(["tmux", "kill-session", "-t", name]) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "needs tmux"))
    func interactiveRunExecDetachAndAttach() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let config = bed.work.path + "/cfg"
        let run = try Terminal("docker run -it --name tty busybox sh", socket: bed.socket, config: config)
        #expect(run.waitFor("/ #"))
        run.type("echo $((6*7)); stty size", "Enter")
        #expect(run.waitFor("42"))
        #expect(run.waitFor("30 100"), "the terminal size reached the container")
        // ctrl-p ctrl-q detaches; the container keeps running.
        run.type("C-p", "C-q")
        #expect(run.waitFor("EXIT=0"))
        #expect(try bed.docker(["inspect", "-f", "{{.State.Running}}", "tty"]).stdout == "true\n")
        let exec = try Terminal("docker exec -it tty sh", socket: bed.socket, config: config)
        #expect(exec.waitFor("/ #"))
        exec.type("ps -o pid,comm | grep -c sh; stty size", "Enter")
        #expect(exec.waitFor("30 100"))
        exec.type("exit 5", "Enter")
        #expect(exec.waitFor("EXIT=5"))
        // An exec's own --detach-keys end its client (the CLI then says so and exits 1, as
        // against dockerd); the shell it started keeps running.
        let keyed = try Terminal("docker exec -it --detach-keys ctrl-x,x tty sh", socket: bed.socket, config: config)
        #expect(keyed.waitFor("/ #"))
        keyed.type("C-x", "x")
        #expect(keyed.waitFor("read escape sequence") && keyed.waitFor("EXIT=1"), "\(keyed.screen)")
        #expect(try bed.docker(["top", "tty"]).stdout.split(separator: "\n").count >= 3, "the detached exec's sh still runs")
        let attach = try Terminal("docker attach tty", socket: bed.socket, config: config)
        Thread.sleep(forTimeInterval: 0.5)
        attach.type("echo again", "Enter")
        #expect(attach.waitFor("again"))
        attach.type("exit 3", "Enter")
        #expect(attach.waitFor("EXIT=3"))
        #expect(try bed.docker(["inspect", "-f", "{{.State.ExitCode}}", "tty"]).stdout == "3\n")
        #expect(try bed.docker(["logs", "tty"]).stdout.contains("42"), "the log shows what the terminal showed")
        // start -ai of a created container.
        try bed.docker(["create", "-it", "--name", "later", "busybox", "sh"])
        let started = try Terminal("docker start -ai later", socket: bed.socket, config: config)
        #expect(started.waitFor("/ #"))
        started.type("echo started-ai; exit 2", "Enter")
        #expect(started.waitFor("started-ai"))
        #expect(started.waitFor("EXIT=2"))
    }
}
