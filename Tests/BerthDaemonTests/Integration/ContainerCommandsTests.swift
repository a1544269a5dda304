import Foundation
import Testing

/// The first container commands of the stock docker CLI against a real
/// berthd (containers run under berth-shim and berth-runtime): run -d, ps,
/// wait, logs, inspect, stop, rm — and dockerd's refusals.
@Suite(.enabled(if: getuid() == 0, "needs root: real containers"))
struct ContainerCommandsRootTests {
    @Test func runWaitLogsRemove() throws {
        let daemon = try DaemonProcess(arguments: [])
        defer { daemon.kill() }
        try daemon.waitUntilServing()
        let work = try TemporaryDirectory(prefix: "berth-containers")
        let tar = try ImageCommandsRootTests().rootfsTar(in: work)
        let socket = daemon.socketPath
        #expect(try docker(["import", "-c", "CMD [\"sh\"]", tar, "busybox"], socket: socket).status == 0)
        defer { _ = try? docker(["rm", "-f", "web", "sleeper"], socket: socket) }

        let run = try docker(["run", "-d", "--name", "web", "-e", "WHO=berth", "busybox", "sh", "-c",
                              "echo out $WHO; echo err >&2; exit 3"], socket: socket)
        #expect(run.status == 0, "\(run.stderr)")
        let id = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 64)
        let wait = try docker(["wait", "web"], socket: socket)
        #expect(wait.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3", "\(wait.stderr)")
        let logs = try docker(["logs", "web"], socket: socket)
        #expect(logs.stdout == "out berth\n")
        #expect(logs.stderr == "err\n")
        let listed = try docker(["ps", "-a", "--format", "{{.Names}} {{.Status}}"], socket: socket)
        #expect(listed.stdout.contains("web Exited (3)"), "\(listed.stdout)")
        #expect(try docker(["ps", "-q"], socket: socket).stdout.isEmpty)

        // A second container with the same name is refused.
        let clash = try docker(["create", "--name", "web", "busybox"], socket: socket)
        #expect(clash.status != 0 && clash.stderr.contains("is already in use"), "\(clash.stderr)")

        // A running container: rm refused, stop works, rm -f of a running one works.
        #expect(try docker(["run", "-d", "--name", "sleeper", "busybox", "sleep", "300"], socket: socket).status == 0)
        #expect(try docker(["inspect", "--format", "{{.State.Running}}", "sleeper"], socket: socket).stdout.contains("true"))
        let refused = try docker(["rm", "sleeper"], socket: socket)
        #expect(refused.status != 0 && refused.stderr.contains("container is running"), "\(refused.stderr)")
        #expect(try docker(["stop", "-t", "1", "sleeper"], socket: socket).status == 0)
        #expect(try docker(["inspect", "--format", "{{.State.Status}}", "sleeper"], socket: socket).stdout.contains("exited"))
        #expect(try docker(["start", "sleeper"], socket: socket).status == 0)
        #expect(try docker(["rm", "-f", "sleeper"], socket: socket).status == 0)
        #expect(try docker(["rm", "web"], socket: socket).status == 0)
        #expect(try docker(["ps", "-aq"], socket: socket).stdout.isEmpty)
        // Nothing of the containers is left mounted.
        let mounts = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
        #expect(!mounts.contains(daemon.dataRoot + "/containers"))
    }
}

/// Resource flags reach the container's cgroup; bad values are refused as dockerd refuses them.
@Suite(.enabled(if: getuid() == 0, "needs root: real containers"))
struct ContainerResourcesRootTests {
    @Test func memoryAndPidsLimits() throws {
        let daemon = try DaemonProcess(arguments: [])
        defer { daemon.kill() }
        try daemon.waitUntilServing()
        let work = try TemporaryDirectory(prefix: "berth-limits")
        let tar = try ImageCommandsRootTests().rootfsTar(in: work)
        let socket = daemon.socketPath
        #expect(try docker(["import", "-c", "CMD [\"sh\"]", tar, "busybox"], socket: socket).status == 0)
        defer { _ = try? docker(["rm", "-f", "limited"], socket: socket) }
        let run = try docker(["run", "-d", "--name", "limited", "-m", "64m", "--pids-limit", "50", "busybox", "sh", "-c",
                              "cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max"], socket: socket)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try docker(["wait", "limited"], socket: socket).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(try docker(["logs", "limited"], socket: socket).stdout == "67108864\n50\n")
        #expect(try docker(["inspect", "--format", "{{.HostConfig.Memory}}", "limited"], socket: socket).stdout.contains("67108864"))
        let tooSmall = try docker(["create", "-m", "1m", "busybox"], socket: socket)
        #expect(tooSmall.status != 0 && tooSmall.stderr.contains("Minimum memory limit allowed is 6MB"), "\(tooSmall.stderr)")
    }
}
