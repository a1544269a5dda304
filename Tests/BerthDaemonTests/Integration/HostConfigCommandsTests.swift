import Foundation
import Testing

/// `docker run` flags that become HostConfig reach the container through the
/// real kernel: users, capabilities, privileges, limits, sysctls, mounts, init.
@Suite(.enabled(if: getuid() == 0, "needs root: real containers"), .serialized)
struct HostConfigCommandsRootTests {
    @Test func usersAndGroups() throws {
        let harness = try HostConfigHarness("berth-users")
        defer { harness.close() }
        #expect(try harness.runOutput("numeric", ["-u", "1000:1000"], ["id"]) == "uid=1000 gid=1000 groups=1000\n")
        let nobody = try harness.runOutput("nobody", ["-u", "nobody", "--group-add", "daemon"], ["sh", "-c", "id; echo $HOME"])
        #expect(nobody.hasPrefix("uid=65534(nobody) gid=65534"), "\(nobody)")
        #expect(nobody.contains("1(daemon)"), "\(nobody)")
        // A non-root user can use the filesystem (the merged root is 0755).
        #expect(try harness.runOutput("reader", ["-u", "1000"], ["cat", "/etc/hostname"]).count > 1)

        let unknown = try harness.run("ghost", ["-u", "ghost"], ["id"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unable to find user ghost: no matching entries in passwd file"), "\(unknown.stderr)")
        #expect(try harness.docker(["inspect", "-f", "{{.State.Status}}", "ghost"]).stdout == "created\n")
    }

    @Test func capabilitiesAndPrivileged() throws {
        let harness = try HostConfigHarness("berth-caps")
        defer { harness.close() }
        let dropped = try harness.runOutput("netraw", ["--cap-drop", "ALL", "--cap-add", "NET_RAW"], ["grep", "CapEff", "/proc/self/status"])
        #expect(dropped == "CapEff:\t0000000000002000\n")
        let ours = try String(contentsOfFile: "/proc/self/status", encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("CapEff:") }.map(String.init) ?? ""
        let privileged = try harness.runOutput("priv", ["--privileged"], ["sh", "-c", "grep CapEff /proc/self/status; grep -c '^sysfs /sys sysfs rw' /proc/mounts; ls /dev/kmsg"])
        #expect(privileged == ours + "\n1\n/dev/kmsg\n", "\(privileged)")
        let plain = try harness.runOutput("plain", [], ["sh", "-c", "grep -c '^sysfs /sys sysfs ro' /proc/mounts; ls /dev/kmsg 2>/dev/null; true"])
        #expect(plain == "1\n")
        let nnp = try harness.runOutput("nnp", ["--security-opt", "no-new-privileges"], ["grep", "NoNewPrivs", "/proc/self/status"])
        #expect(nnp == "NoNewPrivs:\t1\n")
    }

    @Test func limitsAndSysctls() throws {
        let harness = try HostConfigHarness("berth-limits")
        defer { harness.close() }
        #expect(try harness.runOutput("nofile", ["--ulimit", "nofile=512:512"], ["sh", "-c", "ulimit -n; ulimit -Hn"]) == "512\n512\n")
        #expect(try harness.runOutput("fwd", ["--sysctl", "net.ipv4.ip_forward=1"], ["cat", "/proc/sys/net/ipv4/ip_forward"]) == "1\n")
        // The host's own value is untouched (the sysctl lives in the container's network namespace).
        let hostForward = try String(contentsOfFile: "/proc/sys/net/ipv4/ip_forward", encoding: .utf8)
        #expect(try harness.runOutput("fwd0", [], ["cat", "/proc/sys/net/ipv4/ip_forward"]) == hostForward)
        #expect(try harness.runOutput("oom", ["--oom-score-adj", "321"], ["cat", "/proc/self/oom_score_adj"]) == "321\n")
        let shm = try harness.runOutput("shm", ["--shm-size", "8m"], ["sh", "-c", "df -k /dev/shm | tail -1"])
        #expect(shm.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "8192", "\(shm)")
    }

    @Test func tmpfsBindsAndVolumes() throws {
        let harness = try HostConfigHarness("berth-mounts")
        defer { harness.close() }
        let tmpfs = try harness.runOutput("tmpfs", ["--tmpfs", "/scratch:size=1m"], ["sh", "-c", "grep ' /scratch ' /proc/mounts; df -k /scratch | tail -1"])
        #expect(tmpfs.hasPrefix("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec"), "\(tmpfs)")
        #expect(tmpfs.contains("size=1024k") && tmpfs.contains(" 1024 "), "\(tmpfs)")

        let hostDir = harness.work.path + "/hostdir"
        try FileManager.default.createDirectory(atPath: hostDir, withIntermediateDirectories: true)
        try "from host\n".write(toFile: hostDir + "/in.txt", atomically: true, encoding: .utf8)
        let bound = try harness.runOutput("bind", ["-v", hostDir + ":/data"], ["sh", "-c", "cat /data/in.txt; echo from container > /data/out.txt"])
        #expect(bound == "from host\n")
        #expect(try String(contentsOfFile: hostDir + "/out.txt", encoding: .utf8) == "from container\n")
        let readOnly = try harness.runOutput("ro", ["-v", hostDir + ":/data:ro"], ["sh", "-c", "echo x > /data/no.txt || echo refused"])
        #expect(readOnly.hasPrefix("refused\n--stderr--\n") && readOnly.contains("Read-only file system"), "\(readOnly)")
        #expect(!FileManager.default.fileExists(atPath: hostDir + "/no.txt"))
        // A missing host path is created, as dockerd does for -v.
        let created = harness.work.path + "/made/by/berth"
        #expect(try harness.runOutput("mkdir", ["-v", created + ":/made"], ["true"]) == "")
        #expect(FileManager.default.fileExists(atPath: created))

        #expect(try harness.runOutput("vol1", ["-v", "shared:/v"], ["sh", "-c", "echo kept > /v/file"]) == "")
        #expect(try harness.runOutput("vol2", ["-v", "shared:/v"], ["cat", "/v/file"]) == "kept\n")
        #expect(FileManager.default.fileExists(atPath: harness.daemon.dataRoot + "/volumes/shared/_data/file"))
        let mounts = try harness.docker(["inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.Mode}} {{.RW}};{{end}}", "vol2"])
        #expect(mounts.stdout == "volume shared /v z true;\n", "\(mounts.stdout)")
        let bindMounts = try harness.docker(["inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Source}} {{.RW}} {{.Propagation}}{{end}}", "ro"])
        #expect(bindMounts.stdout == "bind \(hostDir) false rprivate\n")
        let anonymous = try harness.runOutput("anon", ["-v", "/cache"], ["sh", "-c", "grep -c ' /cache ' /proc/mounts"])
        #expect(anonymous == "1\n")
        let anonymousSource = try harness.docker(["inspect", "-f", "{{range .Mounts}}{{.Source}}{{end}}", "anon"]).stdout
        #expect(anonymousSource.hasPrefix(harness.daemon.dataRoot + "/volumes/"), "\(anonymousSource)")
    }

    @Test func initForwardsSignalsAndReaps() throws {
        let harness = try HostConfigHarness("berth-init")
        defer { harness.close() }
        #expect(try harness.run("init", ["--init"], ["sleep", "100"]).status == 0)
        let top = try harness.docker(["inspect", "-f", "{{.Path}} {{.State.Pid}}", "init"]).stdout
        #expect(top.hasPrefix("sleep "), "\(top)")
        let started = ContinuousClock.now
        let stop = try harness.docker(["stop", "init"])
        #expect(stop.status == 0, "\(stop.stderr)")
        #expect(ContinuousClock.now - started < .seconds(5), "docker stop waited for the timeout")
        #expect(try harness.docker(["inspect", "-f", "{{.State.ExitCode}}", "init"]).stdout == "143\n")
        let pid1 = try harness.runOutput("pid1", ["--init"], ["sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline; echo; exit 7"])
        #expect(pid1 == "/sbin/docker-init -- sh -c tr '\\0' ' ' < /proc/1/cmdline; echo; exit 7 \n", "\(pid1)")
        #expect(try harness.docker(["inspect", "-f", "{{.State.ExitCode}} {{.HostConfig.Init}}", "pid1"]).stdout == "7 true\n")
    }
}
