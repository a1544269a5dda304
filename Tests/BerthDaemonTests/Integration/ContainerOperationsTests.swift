import BerthTestSupport
import Foundation
import Testing

/// The container operations through the stock docker CLI against a real
/// berthd: top, stats, update, pause/unpause, diff, export, commit, cp both
/// ways (and never outside the container), rename, prune and system df —
/// with dockerd's answers to bad input.
@Suite(.enabled(if: getuid() == 0, "needs root: real containers"), .serialized)
struct ContainerOperationsRootTests {
    @Test func topStatsUpdateAndPause() throws {
        let berth = try BusyboxDaemon(prefix: "berth-ops")
        let run = try berth.run(["run", "-d", "--name", "busy", "-m", "64m", "busybox", "sh", "-c",
                                 "while true; do sleep 1; done"])
        #expect(run.status == 0, "\(run.stderr)")
        let id = try berth.id("busy")

        let top = try berth.run(["top", "busy"])
        #expect(top.status == 0, "\(top.stderr)")
        #expect(top.stdout.hasPrefix("UID"), "\(top.stdout)")
        #expect(top.stdout.contains("while true; do sleep 1; done"), "\(top.stdout)")

        let stats = try berth.output(["stats", "--no-stream", "--format", "{{.Name}}|{{.MemUsage}}|{{.PIDs}}|{{.CPUPerc}}", "busy"])
        let fields = stats.split(separator: "|").map(String.init)
        #expect(fields.count == 4, "\(stats)")
        if fields.count == 4 {
            #expect(fields[0] == "busy")
            #expect(fields[1].hasSuffix("/ 64MiB") && !fields[1].hasPrefix("0B"), "\(fields[1])")
            #expect((Int(fields[2]) ?? 0) >= 1, "\(fields[2])")
            #expect(fields[3].hasSuffix("%"), "\(fields[3])")
        }

        // The raw sample: dockerd's fields, with precpu filled after the one-second wait.
        let raw = try RawHTTPClient(socketPath: berth.daemon.socketPath).request("GET", "/v1.44/containers/busy/stats?stream=0")
        let sample = try #require(try JSONSerialization.jsonObject(with: Data(raw.body)) as? [String: Any])
        let memoryStats = try #require(sample["memory_stats"] as? [String: Any])
        #expect((memoryStats["usage"] as? Int ?? 0) > 0)
        #expect(memoryStats["limit"] as? Int == 64 * 1024 * 1024)
        let cpuStats = try #require(sample["cpu_stats"] as? [String: Any])
        let precpuStats = try #require(sample["precpu_stats"] as? [String: Any])
        #expect((cpuStats["system_cpu_usage"] as? Int ?? 0) > (precpuStats["system_cpu_usage"] as? Int ?? 0))
        #expect((cpuStats["online_cpus"] as? Int ?? 0) >= 1)
        #expect(((sample["pids_stats"] as? [String: Any])?["current"] as? Int ?? 0) >= 1)
        #expect(sample["name"] as? String == "/busy" && sample["id"] as? String == id)

        // update: stored (inspect) and live (the cgroup); dockerd's refusal for a tiny limit.
        #expect(try berth.run(["update", "-m", "100m", "--pids-limit", "40", "busy"]).status == 0)
        #expect(try berth.output(["inspect", "--format", "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}", "busy"]) == "104857600 40")
        let memoryLimit = try String(contentsOfFile: "/sys/fs/cgroup/memory/berth/\(id)/memory.limit_in_bytes", encoding: .utf8)
        #expect(memoryLimit.trimmingCharacters(in: .whitespacesAndNewlines) == "104857600")
        let pidsMax = try String(contentsOfFile: "/sys/fs/cgroup/pids/berth/\(id)/pids.max", encoding: .utf8)
        #expect(pidsMax.trimmingCharacters(in: .whitespacesAndNewlines) == "40")
        let tiny = try berth.run(["update", "-m", "1k", "busy"])
        #expect(tiny.status != 0 && tiny.stderr.contains("Minimum memory limit allowed is 6MB"), "\(tiny.stderr)")

        // pause / unpause: the freezer, ps and inspect agree; dockerd's 409s.
        let freezer = "/sys/fs/cgroup/freezer/berth/\(id)/freezer.state"
        #expect(try berth.run(["pause", "busy"]).status == 0)
        #expect(try String(contentsOfFile: freezer, encoding: .utf8).hasPrefix("FROZEN"))
        #expect(try berth.output(["ps", "--format", "{{.Names}} {{.Status}}"]).contains(#/busy Up .*\(Paused\)/#))
        #expect(try berth.output(["inspect", "--format", "{{.State.Status}} {{.State.Paused}}", "busy"]) == "paused true")
        let again = try berth.run(["pause", "busy"])
        #expect(again.stderr.contains("Container \(id) is already paused"), "\(again.stderr)")
        #expect(try berth.run(["unpause", "busy"]).status == 0)
        #expect(try String(contentsOfFile: freezer, encoding: .utf8).hasPrefix("THAWED"))
        let notPaused = try berth.run(["unpause", "busy"])
        #expect(notPaused.stderr.contains("Container \(id) is not paused"), "\(notPaused.stderr)")

        // A paused container still goes with rm -f.
        #expect(try berth.run(["pause", "busy"]).status == 0)
        #expect(try berth.run(["rm", "-f", "busy"]).status == 0)

        // Stopped and unknown containers.
        #expect(try berth.run(["create", "--name", "idle", "busybox"]).status == 0)
        let idleID = try berth.id("idle")
        let notRunning = try berth.run(["top", "idle"])
        #expect(notRunning.stderr.contains("Container \(idleID) is not running"), "\(notRunning.stderr)")
        #expect(try berth.run(["pause", "idle"]).stderr.contains("is not running"))
        for command in [["top", "nosuch"], ["diff", "nosuch"], ["pause", "nosuch"], ["update", "-m", "64m", "nosuch"],
                        ["export", "-o", berth.work.path + "/x.tar", "nosuch"], ["stats", "--no-stream", "nosuch"]] {
            let missing = try berth.run(command)
            #expect(missing.status != 0 && missing.stderr.contains("No such container: nosuch"), "\(command): \(missing.stderr)")
        }
    }

    @Test func diffExportAndCommit() throws {
        let berth = try BusyboxDaemon(prefix: "berth-ops")
        let run = try berth.run(["run", "-d", "--name", "changer", "busybox", "sh", "-c",
                                 "touch /new; echo x >> /etc/passwd; rm /bin/ls; mkdir -p /tmp/made"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try berth.output(["wait", "changer"]) == "0")

        let diff = try berth.output(["diff", "changer"]).split(separator: "\n").map(String.init)
        for line in ["A /new", "C /etc", "C /etc/passwd", "D /bin/ls", "C /bin", "A /tmp/made"] {
            #expect(diff.contains(line), "\(line) missing from \(diff)")
        }
        #expect(!diff.contains { $0.hasSuffix("/bin/busybox") })

        let exported = berth.work.path + "/changer.tar"
        #expect(try berth.run(["export", "-o", exported, "changer"]).status == 0)
        let names = try runCommand("/bin/tar", ["-tf", exported]).stdout.split(separator: "\n").map(String.init)
        #expect(names.contains("new") && names.contains("bin/busybox") && names.contains("etc/passwd"), "\(names.prefix(10))")
        #expect(!names.contains("bin/ls"))
        let passwd = try runCommand("/bin/tar", ["-xOf", exported, "etc/passwd"]).stdout
        #expect(passwd.hasSuffix("x\n"))

        // A never-started container is mounted for the export and unmounted after.
        #expect(try berth.run(["create", "--name", "fresh", "busybox"]).status == 0)
        let fresh = try berth.id("fresh")
        #expect(try berth.run(["export", "-o", berth.work.path + "/fresh.tar", "fresh"]).status == 0)
        #expect(!berth.mounts().contains { $0.contains(fresh) }, "\(berth.mounts())")

        let commit = try berth.run(["commit", "-m", "made by the test", "-a", "Tester <t@example.com>",
                                    "-c", "CMD [\"echo\",\"committed\"]", "changer", "committed:v1"])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(commit.stdout.hasPrefix("sha256:"))
        #expect(try berth.output(["image", "inspect", "--format", "{{.Author}}|{{.Comment}}", "committed:v1"])
            == "Tester <t@example.com>|made by the test")
        #expect(try berth.run(["run", "-d", "--name", "child", "committed:v1"]).status == 0)
        #expect(try berth.output(["wait", "child"]) == "0")
        #expect(try berth.run(["logs", "child"]).stdout == "committed\n")
        // The committed layer carries the changes.
        #expect(try berth.run(["run", "-d", "--name", "child2", "committed:v1", "sh", "-c", "ls /new && tail -1 /etc/passwd"]).status == 0)
        #expect(try berth.output(["wait", "child2"]) == "0")
        #expect(try berth.run(["logs", "child2"]).stdout == "/new\nx\n")
        let missing = try berth.run(["commit", "nosuch", "x:y"])
        #expect(missing.stderr.contains("No such container: nosuch"), "\(missing.stderr)")
    }

    @Test func copyBothWaysAndNeverOutside() throws {
        let berth = try BusyboxDaemon(prefix: "berth-ops")
        let host = berth.work.path
        try "hello\n".write(toFile: host + "/file.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: host + "/tree/sub", withIntermediateDirectories: true)
        try "inner\n".write(toFile: host + "/tree/sub/x", atomically: true, encoding: .utf8)
        #expect(try berth.run(["run", "-d", "--name", "live", "busybox", "sleep", "300"]).status == 0)
        #expect(try berth.run(["create", "--name", "stopped", "busybox"]).status == 0)

        for container in ["live", "stopped"] {
            #expect(try berth.run(["cp", host + "/file.txt", container + ":/tmp/"]).status == 0)
            #expect(try berth.run(["cp", host + "/file.txt", container + ":/tmp/renamed.txt"]).status == 0)
            #expect(try berth.run(["cp", host + "/tree", container + ":/tmp/"]).status == 0)
            let back = host + "/back-" + container
            try FileManager.default.createDirectory(atPath: back, withIntermediateDirectories: false)
            #expect(try berth.run(["cp", container + ":/tmp/renamed.txt", back + "/file.txt"]).status == 0)
            #expect(try String(contentsOfFile: back + "/file.txt", encoding: .utf8) == "hello\n")
            #expect(try berth.run(["cp", container + ":/tmp/tree", back + "/tree"]).status == 0)
            #expect(try String(contentsOfFile: back + "/tree/sub/x", encoding: .utf8) == "inner\n")
            let diff = try berth.output(["diff", container])
            #expect(diff.contains("A /tmp/file.txt") && diff.contains("A /tmp/tree/sub/x"), "\(diff)")
        }
        let stoppedID = try berth.id("stopped")
        #expect(!berth.mounts().contains { $0.contains(stoppedID) }, "\(berth.mounts())")

        // Owners: kept from the archive, or the container user's with -a; a read-only rootfs refuses.
        try "owned\n".write(toFile: host + "/owned.txt", atomically: true, encoding: .utf8)
        #expect(chown(host + "/owned.txt", 1234, 4321) == 0)
        #expect(try berth.run(["cp", host + "/owned.txt", "stopped:/kept.txt"]).status == 0)
        #expect(try berth.run(["cp", "-a", host + "/owned.txt", "stopped:/mine.txt"]).status == 0)
        let owners = try runCommand("/bin/sh", ["-c", "/usr/local/bin/docker cp stopped:/kept.txt - | tar -tv --numeric-owner; "
                                                + "/usr/local/bin/docker cp stopped:/mine.txt - | tar -tv --numeric-owner"],
                                    environment: ["DOCKER_HOST": "unix://\(berth.daemon.socketPath)"]).stdout
        #expect(owners.contains("1234/4321") && owners.contains("0/0"), "\(owners)")
        #expect(try berth.run(["create", "--name", "sealed", "--read-only", "busybox"]).status == 0)
        let sealed = try berth.run(["cp", host + "/file.txt", "sealed:/tmp/"])
        #expect(sealed.stderr.contains("container rootfs is marked read-only"), "\(sealed.stderr)")

        // dockerd's errors for missing paths.
        let missing = try berth.run(["cp", "live:/nonexistent", host + "/nothing"])
        #expect(missing.stderr.contains("Could not find the file /nonexistent in container live"), "\(missing.stderr)")
        let noParent = try berth.run(["cp", host + "/file.txt", "live:/nonexistent/dir/file"])
        #expect(noParent.stderr.contains("Could not find the file /nonexistent/dir in container live"), "\(noParent.stderr)")

        // Symlinks inside the container lead only inside it.
        let marker = "berth-escape-" + UUID().uuidString.prefix(8).lowercased()
        try "evil\n".write(toFile: host + "/" + marker, atomically: true, encoding: .utf8)
        let links = try berth.run(["run", "-d", "--name", "links", "busybox", "sh", "-c",
                                   "ln -s / /escape; ln -s /etc /etclink; ln -s ../../../../../../../../etc /rel; ln -s \(host) /hostdir"])
        #expect(links.status == 0, "\(links.stderr)")
        #expect(try berth.output(["wait", "links"]) == "0")
        for target in ["links:/etclink/", "links:/rel/", "links:/escape/etc/", "links:/etclink", "links:/hostdir/"] {
            _ = try berth.run(["cp", host + "/" + marker, target])
        }
        #expect(!FileManager.default.fileExists(atPath: "/etc/" + marker), "docker cp wrote to the host's /etc")
        #expect(try berth.run(["cp", "links:/etc/" + marker, host + "/came-back"]).status == 0)
        #expect(try String(contentsOfFile: host + "/came-back", encoding: .utf8) == "evil\n")
        // A tar whose own symlink points at a host directory, then a file through it.
        try FileManager.default.createDirectory(atPath: host + "/evil-a", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: host + "/evil-a/link", withDestinationPath: host + "/victim")
        try FileManager.default.createDirectory(atPath: host + "/evil-b/link", withIntermediateDirectories: true)
        try "pwned\n".write(toFile: host + "/evil-b/link/pwned", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: host + "/victim", withIntermediateDirectories: false)
        let evilTar = host + "/evil.tar"
        #expect(try runCommand("/bin/tar", ["-cf", evilTar, "-C", host + "/evil-a", "link", "-C", host + "/evil-b", "link/pwned"]).status == 0)
        _ = try runCommand("/bin/sh", ["-c", "/usr/local/bin/docker cp - links:/tmp < \(evilTar)"],
                           environment: ["DOCKER_HOST": "unix://\(berth.daemon.socketPath)"])
        #expect(!FileManager.default.fileExists(atPath: host + "/victim/pwned"), "an archive's symlink reached the host")
        // Reading through a link never reads the host either.
        let read = try berth.run(["cp", "links:/hostdir/" + marker, host + "/should-not-exist"])
        #expect(read.status != 0)
        #expect(!FileManager.default.fileExists(atPath: host + "/should-not-exist"))
    }

    @Test func renamePruneAndDiskUsage() throws {
        let berth = try BusyboxDaemon(prefix: "berth-ops")
        #expect(try berth.run(["create", "--name", "first", "busybox"]).status == 0)
        #expect(try berth.run(["create", "--name", "second", "--label", "owner=test", "busybox"]).status == 0)
        #expect(try berth.run(["run", "-d", "--name", "running", "busybox", "sleep", "300"]).status == 0)
        let firstID = try berth.id("first")

        #expect(try berth.run(["rename", "first", "renamed"]).status == 0)
        #expect(try berth.id("renamed") == firstID)
        #expect(try berth.run(["container", "inspect", "first"]).stderr.contains("No such container: first"))
        let clash = try berth.run(["rename", "renamed", "second"])
        #expect(clash.stderr.contains("Conflict. The container name \"/second\" is already in use by container"), "\(clash.stderr)")
        #expect(try berth.run(["rename", "nosuch", "x"]).stderr.contains("No such container: nosuch"))

        let usage = try berth.run(["system", "df"])
        #expect(usage.status == 0, "\(usage.stderr)")
        #expect(usage.stdout.contains("Images") && usage.stdout.contains("Containers"), "\(usage.stdout)")
        let verbose = try berth.run(["system", "df", "-v"])
        #expect(verbose.status == 0 && verbose.stdout.contains("renamed") && verbose.stdout.contains("busybox"), "\(verbose.stdout)")

        // Label-filtered prune takes only the labelled stopped container; plain prune the rest but not the running one.
        let secondID = try berth.id("second")
        let labelled = try berth.run(["container", "prune", "-f", "--filter", "label=owner=test"])
        #expect(labelled.stdout.contains(secondID) && !labelled.stdout.contains(firstID), "\(labelled.stdout)")
        #expect(try berth.run(["inspect", "second"]).status != 0)
        #expect(try berth.run(["inspect", "renamed"]).status == 0)
        let pruned = try berth.run(["container", "prune", "-f"])
        #expect(pruned.stdout.contains(firstID), "\(pruned.stdout)")
        #expect(try berth.output(["ps", "-a", "--format", "{{.Names}}"]) == "running")

        // Image prune: a dangling image goes; with -a unused tagged ones go too, in-use ones stay.
        let dangling = try berth.output(["commit", "running"])
        #expect(dangling.hasPrefix("sha256:"))
        #expect(try berth.run(["tag", "busybox", "spare:1"]).status == 0)
        let images = try berth.run(["image", "prune", "-f"])
        #expect(images.stdout.contains("deleted: " + dangling), "\(images.stdout)")
        let all = try berth.run(["image", "prune", "-a", "-f"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try berth.output(["images", "--format", "{{.Repository}}"]).contains("busybox"))
    }
}
