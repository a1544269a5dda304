import Foundation
import Testing

/// `docker inspect` templates and `docker ps` statuses, filters and sizes
/// against a real berthd; bad HostConfig values are 400s that create nothing.
@Suite(.enabled(if: getuid() == 0, "needs root: real containers"), .serialized)
struct ContainerInspectListRootTests {
    @Test func inspectFields() throws {
        let harness = try HostConfigHarness("berth-inspect")
        defer { harness.close() }
        #expect(try harness.run("fields", ["-u", "nobody", "-m", "64m", "--cap-add", "NET_ADMIN", "-e", "A=1", "--label", "k=v",
                                           "--restart", "on-failure:2", "--tmpfs", "/run:size=1m"], ["sleep", "100"]).status == 0)
        let format = "{{.Config.User}} {{.HostConfig.Memory}} {{.State.OOMKilled}} {{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} "
            + "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{.HostConfig.LogConfig.Type}} "
            + "{{.Config.Labels.k}} {{.Path}} {{json .Args}} {{.State.Status}} {{.State.Running}} {{.Driver}} {{.Platform}} "
            + "{{json .HostConfig.Tmpfs}} {{.GraphDriver.Name}}"
        let shown = try harness.docker(["inspect", "-f", format, "fields"])
        #expect(shown.stdout == "nobody 67108864 false [\"CAP_NET_ADMIN\"] null on-failure:2 json-file v sleep [\"100\"] running true overlay2 linux {\"/run\":\"size=1m\"} overlay2\n",
                "\(shown.stdout) \(shown.stderr)")
        let dirs = try harness.docker(["inspect", "-f", "{{.GraphDriver.Data.UpperDir}} {{.GraphDriver.Data.MergedDir}}", "fields"]).stdout
        #expect(dirs.contains(harness.daemon.dataRoot + "/containers/") && dirs.contains("/upper "))
        #expect(try harness.docker(["inspect", "-f", "{{json .NetworkSettings.Ports}} {{.Name}}", "fields"]).stdout == "{} /fields\n")
        // docker port reads NetworkSettings; it must not fail.
        #expect(try harness.docker(["port", "fields"]).status == 0)
        let sized = try harness.docker(["inspect", "-s", "-f", "{{.SizeRootFs}}", "fields"]).stdout
        #expect((Int(sized.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 1_000_000, "\(sized)")
    }

    @Test func psStatusesFiltersAndSizes() throws {
        let harness = try HostConfigHarness("berth-ps")
        defer { harness.close() }
        #expect(try harness.run("up", ["--label", "tier=front"], ["sleep", "100"]).status == 0)
        #expect(try harness.run("failed", ["--label", "tier=back"], ["sh", "-c", "echo data > /file; exit 3"]).status == 0)
        _ = try harness.docker(["wait", "failed"])
        #expect(try harness.docker(["create", "--name", "fresh", "busybox"]).status == 0)
        defer { _ = try? harness.docker(["rm", "-f", "fresh"]) }

        let table = try harness.docker(["ps", "-a", "--no-trunc", "--format", "{{.Names}}|{{.Status}}|{{.Command}}"]).stdout
        let rows = table.split(separator: "\n").map(String.init)
        #expect(rows.count == 3 && rows[0] == "fresh|Created|\"sh\"", "\(table)")
        #expect(rows[1].hasPrefix("failed|Exited (3) ") && rows[1].hasSuffix(" ago|\"sh -c 'echo data > /file; exit 3'\""), "\(table)")
        #expect(rows[2].hasPrefix("up|Up ") && rows[2].hasSuffix("|\"sleep 100\""), "\(table)")

        func names(_ arguments: [String]) throws -> String {
            try harness.docker(["ps", "--format", "{{.Names}}"] + arguments).stdout.split(separator: "\n").joined(separator: ",")
        }
        #expect(try names([]) == "up")
        #expect(try names(["-a", "--filter", "status=exited"]) == "failed")
        #expect(try names(["--filter", "status=created"]) == "fresh")
        #expect(try names(["-a", "--filter", "name=fail"]) == "failed")
        #expect(try names(["-a", "--filter", "name=^up$"]) == "up")
        #expect(try names(["-a", "--filter", "label=tier"]) == "failed,up")
        #expect(try names(["-a", "--filter", "label=tier=back"]) == "failed")
        #expect(try names(["-a", "--filter", "exited=3"]) == "failed")
        #expect(try names(["-a", "--filter", "ancestor=busybox"]) == "fresh,failed,up")
        #expect(try names(["-n", "1"]) == "fresh")
        #expect(try names(["-l"]) == "fresh")
        let id = try harness.docker(["inspect", "-f", "{{.Id}}", "up"]).stdout.prefix(10)
        #expect(try names(["-a", "--filter", "id=\(id)"]) == "up")
        let sizes = try harness.docker(["ps", "-a", "-s", "--filter", "name=failed", "--format", "{{.Size}}"]).stdout
        #expect(sizes.hasPrefix("5B (virtual "), "\(sizes)")
        let bad = try harness.docker(["ps", "--filter", "status=sleeping"])
        #expect(bad.status != 0 && bad.stderr.contains("invalid filter 'status=sleeping'"), "\(bad.stderr)")
    }

    @Test func badHostConfigIsRefusedAndCreatesNothing() throws {
        let harness = try HostConfigHarness("berth-bad")
        defer { harness.close() }
        let refusals: [([String], String)] = [
            (["--cap-add", "FOO"], "invalid CapAdd: unknown capability: \"CAP_FOO\""),
            (["--tmpfs", "relative"], "invalid mount path: 'relative' mount path must be absolute"),
            (["--tmpfs", "/run:bogus"], "invalid tmpfs option [\"bogus\"]"),
            (["-v", "/tmp:relative"], "invalid volume specification: '/tmp:relative'"),
            (["-v", "/tmp:/data:xx"], "invalid mode: xx"),
            (["-v", "bad/name:/data"], "includes invalid characters for a local volume name"),
            (["--oom-score-adj", "5000"], "Invalid value 5000, range for oom score adj is [-1000, 1000]"),
            (["--mount", "type=bind,source=/nonexistent-berth-src,target=/x"], "bind source path does not exist: /nonexistent-berth-src"),
        ]
        for (flags, message) in refusals {
            let result = try harness.docker(["create"] + flags + ["busybox"])
            #expect(result.status != 0 && result.stderr.contains(message), "\(flags): \(result.stderr)")
        }
        // What the CLI itself would refuse, sent straight to the API.
        let sysctl = try harness.post("/containers/create", json: #"{"Image":"busybox","HostConfig":{"Sysctls":{"kernel.hostname":"x"}}}"#)
        #expect(sysctl.status == 400 && sysctl.text.contains("sysctl 'kernel.hostname=x' is not allowed"), "\(sysctl.text)")
        let ulimit = try harness.post("/containers/create", json: #"{"Image":"busybox","HostConfig":{"Ulimits":[{"Name":"nofile","Soft":9,"Hard":1}]}}"#)
        #expect(ulimit.status == 400 && ulimit.text.contains("ulimit soft limit must be less than or equal to hard limit"), "\(ulimit.text)")
        let security = try harness.post("/containers/create", json: #"{"Image":"busybox","HostConfig":{"SecurityOpt":["bogus"]}}"#)
        #expect(security.status == 400 && security.text.contains("invalid --security-opt 1"), "\(security.text)")
        #expect(try harness.docker(["ps", "-aq"]).stdout.isEmpty)
    }
}
