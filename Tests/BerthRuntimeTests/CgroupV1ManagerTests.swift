import Testing
import OCI
@testable import BerthRuntime
@testable import LinuxSys

// Guards the cgroup v1 files written per hierarchy, and device-rule rendering.
@Suite struct CgroupV1ManagerTests {
    static let layout: [(String, [String])] = [
        ("memory", ["memory.limit_in_bytes", "memory.soft_limit_in_bytes", "memory.swappiness"]),
        ("cpu,cpuacct", ["cpu.shares", "cpu.cfs_quota_us", "cpu.cfs_period_us"]),
        ("pids", ["pids.max"]),
        ("cpuset", ["cpuset.cpus", "cpuset.mems"]),
        ("devices", ["devices.allow", "devices.deny"]),
    ]

    /// Applies `resources` to fake v1 hierarchies and returns "hierarchy/file" → content.
    func apply(_ resources: Resources) throws -> [String: String] {
        try withTemporaryDirectory { root in
            let manager = CgroupV1Manager(hierarchies: Self.layout.map { ($0.0, root + "/" + $0.0) }, path: "/berth/x")
            for (name, files) in Self.layout { try makeControlFiles(root + "/" + name + "/berth/x", files) }
            try manager.apply(resources)
            var result: [String: String] = [:]
            for (name, files) in Self.layout {
                for file in files { result[file] = contents(root + "/" + name + "/berth/x/" + file) }
            }
            return result
        }
    }

    @Test func memory() throws {
        let files = try apply(Resources(memory: MemoryResources(limit: 64 << 20, reservation: 32 << 20, swappiness: 10)))
        #expect(files["memory.limit_in_bytes"] == "67108864")
        #expect(files["memory.soft_limit_in_bytes"] == "33554432")
        #expect(files["memory.swappiness"] == "10")
    }

    @Test func swapWithoutAccountingIsAnError() {
        #expect { try apply(Resources(memory: MemoryResources(limit: 64 << 20, swap: 128 << 20))) } throws: { error in
            (error as? RuntimeError)?.message.contains("no swap accounting") == true
        }
    }

    @Test func cpuAndCpuset() throws {
        let files = try apply(Resources(cpu: CPUResources(shares: 512, quota: 50000, period: 100000, cpus: "0", mems: "0")))
        #expect(files["cpu.shares"] == "512")
        #expect(files["cpu.cfs_quota_us"] == "50000")
        #expect(files["cpu.cfs_period_us"] == "100000")
        #expect(files["cpuset.cpus"] == "0")
        #expect(files["cpuset.mems"] == "0")
    }

    @Test(arguments: [(0, "max"), (20, "20")] as [(Int64, String)])
    func pids(limit: Int64, expected: String) throws {
        #expect(try apply(Resources(pids: PidsResources(limit: limit)))["pids.max"] == expected)
    }

    @Test func devicesGoToAllowAndDeny() throws {
        let files = try apply(Resources(devices: [
            DeviceCgroupRule(allow: false, access: "rwm"),
            DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 3, access: "rwm"),
        ]))
        #expect(files["devices.deny"] == "a")
        #expect(files["devices.allow"] == "c 1:3 rwm")
    }

    @Test func layoutListsEachHierarchy() {
        let manager = CgroupV1Manager(hierarchies: [("memory", "/m"), ("pids", "/p")], path: "/berth/x")
        #expect(!manager.layout.unified)
        #expect(manager.layout.hierarchies.map(\.directory) == ["/m/berth/x", "/p/berth/x"])
    }

    @Test(arguments: [
        (DeviceCgroupRule(allow: false, access: "rwm"), "a"),
        (DeviceCgroupRule(allow: true, type: "a"), "a"),
        (DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 3, access: "rwm"), "c 1:3 rwm"),
        (DeviceCgroupRule(allow: true, type: "c", major: 136, minor: -1, access: "rwm"), "c 136:* rwm"),
        (DeviceCgroupRule(allow: true, type: "b", access: "r"), "b *:* r"),
        (DeviceCgroupRule(allow: true, type: "c", major: 10, minor: 200), "c 10:200 rwm"),
    ])
    func renderDeviceRule(rule: DeviceCgroupRule, expected: String) {
        #expect(DeviceRuleText.render(rule) == expected)
    }
}
