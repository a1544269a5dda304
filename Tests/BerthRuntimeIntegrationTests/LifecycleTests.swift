import Foundation
import OCI
import Testing

/// Guards the runc lifecycle: create → start → state → kill → delete, pause
/// and resume, exec, and that nothing is left once a container is deleted.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real containers"))
struct LifecycleRootTests {
    let harness = RuntimeHarness()

    func status(_ id: String) -> String? {
        let result = harness.runtime(["state", id])
        guard result.status == 0, let data = result.stdout.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["status"] as? String
    }

    @Test func createStartKillDeleteLeavesNothing() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sleep", "300"])
        let cgroupName = URL(fileURLWithPath: bundle).lastPathComponent
        let id = harness.newID()
        let pidFile = harness.workDirectory + "/\(id).pid"
        let created = harness.runtime(["create", "--bundle", bundle, "--pid-file", pidFile, id])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(status(id) == "created")
        let pid = Int32((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "") ?? 0
        #expect(pid > 0)
        #expect(!RuntimeHarness.leftoverCgroups(named: cgroupName).isEmpty)
        #expect(harness.runtime(["start", id]).status == 0)
        #expect(status(id) == "running")
        // The init is now `sleep`, not the runtime.
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
        #expect(exe.hasSuffix("busybox"), "exe: \(exe)")
        #expect(harness.runtime(["start", id]).status != 0)
        #expect(harness.runtime(["kill", id, "KILL"]).status == 0)
        // The init is a child of nobody here, so wait for the kernel to reap it.
        for _ in 0..<200 where status(id) != "stopped" { usleep(10_000) }
        #expect(status(id) == "stopped")
        #expect(harness.runtime(["delete", id]).status == 0)
        #expect(status(id) == nil)
        #expect(RuntimeHarness.leftoverCgroups(named: cgroupName).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: harness.stateRoot + "/" + id))
        let mounts = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
        #expect(!mounts.contains(RuntimeHarness.sharedRootfs))
    }

    @Test func deleteRefusesARunningContainerWithoutForce() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sleep", "300"])
        let id = harness.newID()
        #expect(harness.runtime(["run", "-d", "--bundle", bundle, id]).status == 0)
        #expect(status(id) == "running")
        let refused = harness.runtime(["delete", id])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not stopped"), "\(refused.stderr)")
        #expect(status(id) == "running")
        #expect(harness.runtime(["delete", "--force", id]).status == 0)
        #expect(status(id) == nil)
        #expect(RuntimeHarness.leftoverCgroups(named: URL(fileURLWithPath: bundle).lastPathComponent).isEmpty)
    }

    @Test func pauseFreezesAndResumeThaws() throws {
        defer { harness.cleanUp() }
        let counter = harness.workDirectory + "/counter"
        _ = FileManager.default.createFile(atPath: counter, contents: nil)
        let bundle = try harness.makeBundle(args: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo $i > /counter; sleep 0.05; done"]) {
            $0.mounts?.append(Mount(destination: "/counter", type: "bind", source: counter, options: ["rbind", "rw"]))
        }
        let id = harness.newID()
        #expect(harness.runtime(["run", "-d", "--bundle", bundle, id]).status == 0)
        usleep(300_000)
        #expect(harness.runtime(["pause", id]).status == 0)
        #expect(status(id) == "paused")
        let frozen = try String(contentsOfFile: counter, encoding: .utf8)
        usleep(300_000)
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == frozen)
        #expect(harness.runtime(["exec", id, "true"]).status != 0)
        #expect(harness.runtime(["resume", id]).status == 0)
        #expect(status(id) == "running")
        usleep(300_000)
        #expect(try String(contentsOfFile: counter, encoding: .utf8) != frozen)
        #expect(harness.runtime(["delete", "--force", id]).status == 0)
    }

    @Test func execJoinsThePidNamespaceAndReturnsItsCode() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sleep", "300"]) { $0.hostname = "exec-target" }
        let id = harness.newID()
        #expect(harness.runtime(["run", "-d", "--bundle", bundle, id]).status == 0)
        let ps = harness.runtime(["exec", id, "sh", "-c", "ps -o pid,comm; hostname; cat /proc/self/cgroup | grep memory"])
        #expect(ps.status == 0, "\(ps.stderr)")
        #expect(ps.stdout.contains("    1 sleep"), "\(ps.stdout)")
        #expect(ps.stdout.contains("exec-target"))
        // Its cgroup namespace root is the container's cgroup.
        #expect(ps.stdout.contains(":memory:/\n"), "\(ps.stdout)")
        #expect(harness.runtime(["exec", id, "sh", "-c", "exit 7"]).status == 7)
        // runc's --process form.
        let process = OCI.Process(user: User(uid: 33, gid: 33), args: ["id", "-u"], env: ["PATH=/bin:/usr/bin"], cwd: "/tmp")
        let file = harness.workDirectory + "/process.json"
        try Data(JSONValueEncoder().encode(process)).write(to: URL(fileURLWithPath: file))
        let asUser = harness.runtime(["exec", "--process", file, id])
        #expect(asUser.stdout == "33\n", "\(asUser.stderr)")
        #expect(harness.runtime(["delete", "--force", id]).status == 0)
        #expect(harness.runtime(["exec", id, "true"]).status != 0)
    }

    @Test func listShowsContainers() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sleep", "300"])
        let id = harness.newID()
        #expect(harness.runtime(["create", "--bundle", bundle, id]).status == 0)
        let listed = harness.runtime(["list"])
        #expect(listed.stdout.contains(id) && listed.stdout.contains("created"), "\(listed.stdout)")
        #expect(harness.runtime(["list", "-q"]).lines == [id])
        #expect(harness.runtime(["delete", id]).status == 0, "a created container can be deleted")
    }

    @Test func hooksRunWithTheState() throws {
        defer { harness.cleanUp() }
        let log = harness.workDirectory + "/hooks.log"
        let hook = { (name: String) in Hook(path: "/bin/sh", args: ["sh", "-c", "read state; echo \(name) >> \(log); echo \"$state\" > \(log).\(name)"]) }
        let bundle = try harness.makeBundle(args: ["true"]) {
            $0.hooks = Hooks(createRuntime: [hook("createRuntime")], poststart: [hook("poststart")], poststop: [hook("poststop")])
        }
        let id = harness.newID()
        #expect(harness.run(bundle, id: id).status == 0)
        let order = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(order == "createRuntime\npoststart\npoststop\n")
        let state = (try? String(contentsOfFile: log + ".createRuntime", encoding: .utf8)) ?? ""
        #expect(state.contains("\"id\":\"\(id)\""), "\(state)")
    }

    @Test func failingHookFailsCreateAndCleansUp() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"]) {
            $0.hooks = Hooks(createRuntime: [Hook(path: "/bin/false")])
        }
        let id = harness.newID()
        let result = harness.runtime(["create", "--bundle", bundle, id])
        #expect(result.status != 0)
        #expect(result.stderr.contains("createRuntime hook"), "\(result.stderr)")
        #expect(status(id) == nil)
        #expect(RuntimeHarness.leftoverCgroups(named: URL(fileURLWithPath: bundle).lastPathComponent).isEmpty)
    }
}
