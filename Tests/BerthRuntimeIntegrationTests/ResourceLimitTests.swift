import Foundation
import OCI
import Testing

/// Guards cgroup limits: written where the kernel reads them, and enforced.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real cgroups"))
struct ResourceLimitRootTests {
    let harness = RuntimeHarness()

    @Test func memoryLimitIsVisibleAndOOMKills() throws {
        defer { harness.cleanUp() }
        let limit: Int64 = 32 * 1024 * 1024
        let visible = try harness.makeBundle(args: ["cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]) {
            $0.linux?.resources?.memory = MemoryResources(limit: limit, swap: limit)
        }
        let shown = harness.run(visible)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == "\(limit)\n")
        // PID 1 (sh) grows a variable past the limit: the kernel must kill it.
        let hog = try harness.makeBundle(args: ["sh", "-c", "v=$(head -c 100000000 /dev/zero | tr '\\0' a); echo survived"]) {
            $0.linux?.resources?.memory = MemoryResources(limit: limit, swap: limit)
        }
        let result = harness.run(hog)
        #expect(result.status == 137, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(!result.stdout.contains("survived"))
        #expect(result.stderr.contains("OOM"), "stderr: \(result.stderr)")
    }

    @Test func pidsLimitStopsAForkBomb() throws {
        defer { harness.cleanUp() }
        // The subshell forks until the kernel refuses; the outer shell then
        // reports with builtins only, since every pid is taken.
        let bundle = try harness.makeBundle(args: ["sh", "-c", """
            (while :; do sleep 3 & done) 2>/dev/null
            read max < /sys/fs/cgroup/pids/pids.max; read current < /sys/fs/cgroup/pids/pids.current
            read events < /sys/fs/cgroup/pids/pids.events; echo "$max $current $events"
            """]) {
            $0.linux?.resources?.pids = PidsResources(limit: 10)
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        let fields = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(fields.count == 4, "\(result.stdout)")
        guard fields.count == 4 else { return }
        #expect(fields[0] == "10")
        #expect((Int(fields[1]) ?? 99) <= 10)
        #expect((Int(fields[3]) ?? 0) > 0, "no fork was refused: \(result.stdout)")
    }

    @Test func cpuQuotaSharesAndCpusetAreWritten() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c",
            "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us /sys/fs/cgroup/cpu/cpu.shares /sys/fs/cgroup/cpuset/cpuset.cpus"]) {
            $0.linux?.resources?.cpu = CPUResources(shares: 512, quota: 50_000, period: 100_000, cpus: "0")
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == ["50000", "100000", "512", "0"])
    }

    @Test func rlimitsAreApplied() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "ulimit -n; ulimit -Hn; ulimit -c"]) {
            $0.process?.rlimits = [Rlimit(type: "RLIMIT_NOFILE", hard: 512, soft: 256), Rlimit(type: "RLIMIT_CORE", hard: 0, soft: 0)]
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == ["256", "512", "0"])
    }
}
