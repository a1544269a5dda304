import Foundation
import OCI
import Testing

/// Guards the namespaces: the command is PID 1, sees only its own processes,
/// has its hostname and its own /proc.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real namespaces"))
struct IsolationRootTests {
    let harness = RuntimeHarness()

    @Test func commandIsPidOneAndSeesOnlyItsProcesses() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "echo pid=$$; ps -o pid= | wc -l"])
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        // sh (1), ps, wc — and nothing of the host.
        #expect(result.lines.first == "pid=1")
        let count = Int(result.lines.last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 99
        #expect(count <= 3, "saw \(count) processes")
    }

    @Test func hostnameIsSet() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["hostname"]) { $0.hostname = "berth-host-test" }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "berth-host-test\n")
    }

    @Test func procIsMountedForTheContainer() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "readlink /proc/self; grep -c ' /proc proc ' /proc/mounts"])
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first.flatMap(Int.init).map { $0 < 10 } == true, "self pid: \(result.stdout)")
        #expect(result.lines.last == "1")
    }

    @Test func exitStatusIsReported() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "exit 42"])
        #expect(harness.run(bundle).status == 42)
        // PID 1 ignores signals from inside its namespace; kill it from outside.
        let killed = try harness.makeBundle(args: ["sleep", "300"])
        let id = harness.newID()
        let script = "'\(harness.binary)' --root '\(harness.stateRoot)' run --bundle '\(killed)' \(id) & "
            + "for i in $(seq 100); do '\(harness.binary)' --root '\(harness.stateRoot)' kill \(id) KILL 2>/dev/null && break; sleep 0.05; done; wait $!"
        #expect(RuntimeHarness.shell(["/bin/sh", "-c", script]).status == 137)
    }

    @Test func environmentAndWorkingDirectory() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "echo $GREETING; pwd"]) {
            $0.process?.env?.append("GREETING=hello berth")
            $0.process?.cwd = "/tmp"
        }
        let result = harness.run(bundle)
        #expect(result.lines == ["hello berth", "/tmp"], "\(result.stderr)")
    }

    @Test func joinsNetworkNamespaceByPath() throws {
        defer { harness.cleanUp() }
        guard RuntimeHarness.shell(["ip", "-V"]).status == 0 else {
            print("skipping: iproute2 (ip) is not installed")
            return
        }
        let name = "berthit\(UInt32.random(in: 0..<1_000_000))"
        #expect(RuntimeHarness.shell(["ip", "netns", "add", name]).status == 0)
        defer { RuntimeHarness.shell(["ip", "netns", "del", name]) }
        // A veth end that exists only in that namespace proves we joined it.
        #expect(RuntimeHarness.shell(["ip", "-n", name, "link", "add", "berthveth0", "type", "veth", "peer", "name", "berthveth1"]).status == 0)
        let inode = RuntimeHarness.shell(["stat", "-L", "-c", "%i", "/var/run/netns/\(name)"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let bundle = try harness.makeBundle(args: ["sh", "-c", "ls /sys/class/net | sort | tr '\\n' ' '; echo; readlink /proc/self/ns/net"]) { spec in
            let namespaces = spec.linux?.namespaces ?? []
            spec.linux?.namespaces = namespaces.map { namespace in
                namespace.type == "network" ? Namespace(type: "network", path: "/var/run/netns/\(name)") : namespace
            }
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("berthveth0"), "interfaces: \(result.stdout)")
        #expect(result.lines.last == "net:[\(inode)]", "\(result.stdout)")
    }
}
