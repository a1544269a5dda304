import Foundation
import OCI
import Testing

/// Runs the same bundles under berth-runtime and runc and compares what the
/// container observes: proof that the runtime boundary is runc's.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real containers"))
struct ConformanceRootTests {
    static let probes: [(String, [String])] = [
        ("identity", ["sh", "-c", "id; hostname; pwd"]),
        // ps runs alone (not in a pipeline), so the count cannot race with a sibling.
        ("pid-namespace", ["sh", "-c", "echo $$; p=$(ps -o pid=); echo \"$p\" | wc -l"]),
        ("capabilities", ["sh", "-c", "grep -E '^Cap' /proc/self/status"]),
        ("mount-table", ["sh", "-c", "cut -d' ' -f2,3 /proc/mounts | grep -v '^/proc/' | sort"]),
        ("devices", ["sh", "-c", "ls -l /dev | awk '{print $1, $5, $6, $NF}' | sort"]),
        ("limits", ["sh", "-c", "ulimit -n; cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max"]),
        ("masked", ["sh", "-c", "wc -c < /proc/keys; touch /proc/sys/x 2>&1 | cut -d: -f3"]),
        ("exit-code", ["sh", "-c", "exit 3"]),
    ]

    @Test(arguments: probes.map { $0.0 })
    func berthMatchesRunc(probe: String) throws {
        guard let runc = RuntimeHarness.runcPath else {
            print("skipping conformance probe \(probe): runc is not installed")
            return
        }
        let args = Self.probes.first { $0.0 == probe }?.1 ?? ["true"]
        let berth = RuntimeHarness()
        let reference = RuntimeHarness(binary: runc)
        defer {
            berth.cleanUp()
            reference.cleanUp()
        }
        let edit: (inout Spec) -> Void = { spec in
            spec.hostname = "conformance"
            spec.linux?.resources?.memory = MemoryResources(limit: 64 * 1024 * 1024)
            spec.linux?.resources?.pids = PidsResources(limit: 100)
        }
        let ours = berth.run(try berth.makeBundle(args: args, edit: edit))
        let theirs = reference.run(try reference.makeBundle(args: args, edit: edit))
        // The probe must really have run under runc, or equality proves nothing.
        #expect(probe == "exit-code" ? theirs.status == 3 : (theirs.status == 0 && !theirs.stdout.isEmpty), "runc: \(theirs.stderr)")
        #expect(ours.status == theirs.status, "berth: \(ours.stderr) runc: \(theirs.stderr)")
        #expect(ours.stdout == theirs.stdout)
    }
}
