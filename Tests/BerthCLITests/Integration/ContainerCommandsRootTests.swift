import BerthTestSupport
import Foundation
import Testing

/// Root integration: the real `berth` binary against a real berthd, for the
/// container commands and docker's exit codes.
@Suite(.serialized) struct ContainerCommandsRootTests {
    /// A harness with busybox imported, or nil (with the reason printed) when root tests cannot run.
    static func harness() throws -> CLIHarness? {
        if let reason = CLIHarness.skipReason {
            print("skipping berth CLI root test: \(reason)")
            return nil
        }
        let harness = try CLIHarness()
        try harness.importBusybox()
        return harness
    }

    @Test func detachedRunPsLogsInspectStopRemove() throws {
        guard let cli = try Self.harness() else { return }
        let run = cli.berth(["run", "-d", "--name", "web", "-e", "FOO=bar", "-w", "/tmp", "-u", "1:1", "--hostname", "boxy",
                             "-l", "team=cli", "busybox", "sh", "-c", "echo $FOO $(pwd) $(hostname); echo oops >&2; sleep 300"])
        #expect(run.status == 0, "\(run.stderr)")
        let id = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 64)

        #expect(cli.eventually { cli.berth(["logs", "web"]).stdout == "bar /tmp boxy\n" })
        let logs = cli.berth(["logs", "web"])
        #expect(logs.stderr == "oops\n")

        let ps = cli.berth(["ps"])
        let lines = ps.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("CONTAINER ID   IMAGE     COMMAND                  CREATED") == true)
        #expect(lines.count == 2 && lines[1].hasPrefix(String(id.prefix(12)) + "   busybox   \"sh -c 'echo $FOO $(…\""))
        #expect(lines[1].hasSuffix("web"))
        #expect(cli.berth(["ps", "-q"]).stdout == String(id.prefix(12)) + "\n")
        #expect(cli.berth(["ps", "-q", "--no-trunc"]).stdout == id + "\n")
        #expect(cli.berth(["ps", "--filter", "label=team=cli", "--format", "{{.Names}} {{.Labels}}"]).stdout == "web team=cli\n")

        #expect(cli.berth(["inspect", "--format", "{{.State.Status}} {{.Config.WorkingDir}} {{.Name}}", "web"]).stdout == "running /tmp /web\n")
        #expect(cli.berth(["container", "inspect", "-f", "{{json .Config.Env}}", "web"]).stdout.contains("\"FOO=bar\""))
        let inspect = cli.berth(["inspect", "web"])
        #expect(inspect.stdout.hasPrefix("[\n    {\n        \"") && inspect.stdout.contains("\n        \"Id\": \"\(id)\",\n"))

        let stop = cli.berth(["stop", "-t", "1", "web"])
        #expect(stop.status == 0 && stop.stdout == "web\n")
        #expect(cli.berth(["ps", "-a", "--filter", "status=exited", "--format", "{{.Names}}"]).stdout == "web\n")
        #expect(cli.berth(["ps", "-q"]).stdout == "")

        let rm = cli.berth(["rm", "web"])
        #expect(rm.status == 0 && rm.stdout == "web\n")
        #expect(cli.berth(["ps", "-aq"]).stdout == "")
    }

    @Test
    func psNameFilterAndUser() throws {
        guard let cli = try Self.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "u1", "-u", "1:1", "busybox", "sh", "-c", "id -u; sleep 300"]).status == 0)
        #expect(cli.eventually { cli.berth(["logs", "u1"]).stdout == "1\n" })
        #expect(cli.berth(["inspect", "-f", "{{.Config.User}}", "u1"]).stdout == "1:1\n")
        #expect(cli.berth(["ps", "--filter", "name=nomatch", "-q"]).stdout == "")
        #expect(cli.berth(["ps", "--filter", "name=u1", "--format", "{{.Names}}"]).stdout == "u1\n")
    }

    @Test func eventsReplayWithFilterAndFormat() throws {
        guard let cli = try Self.harness() else { return }
        #expect(cli.berth(["run", "--name", "ev", "busybox", "true"]).status == 0)
        let events = cli.berth(["events", "--since", "5m", "--until", "0s", "--filter", "type=container", "--format", "{{.Type}} {{.Action}}"])
        #expect(events.status == 0)
        #expect(events.stdout.contains("container create\n") && events.stdout.contains("container start\n"))
        let plain = cli.berth(["events", "--since", "5m", "--until", "0s", "--filter", "event=start"])
        #expect(plain.stdout.contains(" container start ") && plain.stdout.contains("name=ev"))
    }

    @Test func killRemoveForceAndMissingNames() throws {
        guard let cli = try Self.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "k1", "busybox", "sh", "-c", "trap 'echo got-hup' HUP; while true; do sleep 0.1; done"]).status == 0)
        let kill = cli.berth(["kill", "-s", "HUP", "k1"])
        #expect(kill.status == 0 && kill.stdout == "k1\n")
        #expect(cli.eventually { cli.berth(["logs", "k1"]).stdout.contains("got-hup") })
        #expect(cli.berth(["inspect", "-f", "{{.State.Running}}", "k1"]).stdout == "true\n")

        let rmRunning = cli.berth(["rm", "k1"])
        #expect(rmRunning.status == 1 && rmRunning.stderr.hasPrefix("Error response from daemon: "))
        let rmForce = cli.berth(["rm", "-f", "k1", "nosuch"])
        #expect(rmForce.status == 0)
        #expect(rmForce.stdout == "k1\n")

        let stopMissing = cli.berth(["stop", "nosuch"])
        #expect(stopMissing.status == 1 && stopMissing.stderr == "Error response from daemon: No such container: nosuch\n")
        let inspectMissing = cli.berth(["inspect", "nosuch"])
        #expect(inspectMissing.status == 1 && inspectMissing.stderr == "Error: No such object: nosuch\n")
        #expect(inspectMissing.stdout == "[]\n")
    }

    @Test func exitCodesForMissingImageAndCommand() throws {
        guard let cli = try Self.harness() else { return }
        let missingImage = cli.berth(["run", "--rm", "nosuchimage"])
        #expect(missingImage.status == 125)
        #expect(missingImage.stderr.contains("Unable to find image 'nosuchimage:latest' locally"))
        #expect(missingImage.stderr.contains("berth: Error response from daemon:"))

        let missingCommand = cli.berth(["run", "-d", "busybox", "nosuchcommand"])
        #expect(missingCommand.status == 127, "\(missingCommand.stderr)")
        #expect(missingCommand.stderr.contains("executable file not found"))

        let badFlag = cli.berth(["run", "--nosuchflag", "busybox"])
        #expect(badFlag.status == 125 && badFlag.stderr.hasPrefix("unknown flag: --nosuchflag"))
        let conflict = cli.berth(["run", "--rm", "--restart", "always", "busybox"])
        #expect(conflict.status == 125)
    }

    @Test func createThenStartAttachedAndWait() throws {
        guard let cli = try Self.harness() else { return }
        let created = cli.berth(["create", "--name", "c1", "busybox", "sh", "-c", "echo started; echo e >&2; exit 4"])
        #expect(created.status == 0 && created.stdout.count == 65)
        #expect(cli.berth(["ps", "-a", "--format", "{{.Names}} {{.State}}"]).stdout == "c1 created\n")
        let started = cli.berth(["start", "-a", "c1"])
        #expect(started.status == 4)
        #expect(started.stdout == "started\n" && started.stderr == "e\n")
        let wait = cli.berth(["wait", "c1"])
        #expect(wait.status == 0 && wait.stdout == "4\n")
    }

    @Test func foregroundRunExitStatusStdinAndAutoRemove() throws {
        guard let cli = try Self.harness() else { return }
        let run = cli.berth(["run", "--rm", "busybox", "sh", "-c", "echo hi; echo err >&2; exit 5"])
        #expect(run.status == 5)
        #expect(run.stdout == "hi\n" && run.stderr == "err\n")
        #expect(cli.eventually { cli.berth(["ps", "-aq"]).stdout == "" })

        let piped = cli.berth(["run", "-i", "--rm", "busybox", "sh", "-c", "cat; echo done >&2"], stdin: Data("line1\nline2\n".utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout == "line1\nline2\n" && piped.stderr == "done\n")

        let notFound = cli.berth(["run", "--rm", "busybox", "nosuchcommand"])
        #expect(notFound.status == 127)
    }

    @Test func logsTailTimestampsAndFollow() throws {
        guard let cli = try Self.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "lg", "busybox", "sh", "-c", "echo one; echo two; echo three; sleep 1; echo four"]).status == 0)
        #expect(cli.eventually { cli.berth(["logs", "lg"]).stdout.hasPrefix("one\ntwo\nthree\n") })
        #expect(cli.berth(["logs", "--tail", "1", "lg"]).stdout.hasSuffix("three\n") || cli.berth(["logs", "--tail", "1", "lg"]).stdout == "four\n")
        let stamped = cli.berth(["logs", "-t", "lg"]).stdout.split(separator: "\n")
        #expect(stamped.first?.contains("Z one") == true)
        let followed = cli.berth(["logs", "-f", "lg"], timeout: 20)
        #expect(followed.status == 0 && followed.stdout == "one\ntwo\nthree\nfour\n")
    }
}
