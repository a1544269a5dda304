import BerthTestSupport
import Foundation
import Testing

/// Root integration for commands whose daemon side may still be missing in
/// berthd; each test names the feature it waits for.
@Suite(.serialized) struct PendingDaemonFeatureRootTests {
    @Test
    func pauseUnpauseRenameRestartUpdate() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "p1", "busybox", "sleep", "300"]).status == 0)
        #expect(cli.berth(["pause", "p1"]).stdout == "p1\n")
        #expect(cli.berth(["ps", "--format", "{{.Status}}"]).stdout.contains("(Paused)"))
        #expect(cli.berth(["unpause", "p1"]).stdout == "p1\n")
        #expect(cli.berth(["rename", "p1", "p2"]).status == 0)
        #expect(cli.berth(["ps", "--format", "{{.Names}}"]).stdout == "p2\n")
        #expect(cli.berth(["restart", "-t", "1", "p2"]).stdout == "p2\n")
        #expect(cli.berth(["update", "-m", "64m", "--memory-swap", "128m", "p2"]).stdout == "p2\n")
        #expect(cli.berth(["inspect", "-f", "{{.HostConfig.Memory}}", "p2"]).stdout == "67108864\n")
    }

    @Test
    func topStatsDiffExportCommit() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "t1", "busybox", "sh", "-c", "touch /newfile; sleep 300"]).status == 0)
        let top = cli.berth(["top", "t1"])
        #expect(top.status == 0 && top.stdout.hasPrefix("UID") && top.stdout.contains("sleep 300"))
        let stats = cli.berth(["stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}", "t1"])
        #expect(stats.status == 0 && stats.stdout.hasPrefix("t1 "))
        #expect(cli.eventually { cli.berth(["diff", "t1"]).stdout.contains("A /newfile") })
        let exported = cli.directory + "/export.tar"
        #expect(cli.berth(["export", "-o", exported, "t1"]).status == 0)
        #expect(SpawnedCommand.run(["tar", "-tf", exported]).stdout.contains("newfile"))
        let commit = cli.berth(["commit", "-m", "snap", "t1", "snap:v1"])
        #expect(commit.status == 0 && commit.stdout.hasPrefix("sha256:"))
        #expect(cli.berth(["run", "--rm", "snap:v1", "ls", "/newfile"]).stdout == "/newfile\n")
    }

    @Test
    func copyBothWays() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "cp1", "busybox", "sleep", "300"]).status == 0)
        let local = cli.directory + "/hello.txt"
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: local))
        #expect(cli.berth(["cp", local, "cp1:/tmp/"]).status == 0)
        #expect(cli.berth(["cp", local, "cp1:/tmp/renamed.txt"]).status == 0)
        let back = cli.directory + "/back.txt"
        let copied = cli.berth(["cp", "cp1:/tmp/renamed.txt", back])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect((try? String(contentsOfFile: back, encoding: .utf8)) == "hello\n")
        #expect(cli.berth(["cp", "cp1:/tmp/hello.txt", "-"]).stdout.contains("hello.txt"))
    }

    @Test
    func execExitCode() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        #expect(cli.berth(["run", "-d", "--name", "x1", "busybox", "sleep", "300"]).status == 0)
        let exec = cli.berth(["exec", "x1", "sh", "-c", "echo exo; echo exe >&2; exit 3"])
        #expect(exec.status == 3 && exec.stdout == "exo\n" && exec.stderr == "exe\n")
    }

    @Test
    func pruneAndDiskUsage() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        #expect(cli.berth(["run", "--name", "gone", "busybox", "true"]).status == 0)
        let prune = cli.berth(["container", "prune", "-f"])
        #expect(prune.status == 0 && prune.stdout.contains("Total reclaimed space:"))
        #expect(!cli.berth(["ps", "-a", "--format", "{{.Names}}"]).stdout.contains("gone"))
        let df = cli.berth(["system", "df"])
        #expect(df.status == 0 && df.stdout.hasPrefix("TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n"))
    }
}
