import Testing
import OCI
@testable import BerthRuntime
@testable import LinuxSys

// Guards the cgroup v2 files written for config.json resources, and cgroupsPath resolution.
@Suite struct CgroupV2ManagerTests {
    static let files = ["memory.max", "memory.swap.max", "memory.low", "cpu.weight", "cpu.max", "cpuset.cpus", "pids.max"]

    /// Applies `resources` to a fake unified hierarchy and returns file → content.
    func apply(_ resources: Resources) throws -> [String: String] {
        try withTemporaryDirectory { root in
            let manager = CgroupV2Manager(root: root, path: "/berth/x")
            try makeControlFiles(manager.directory, Self.files)
            try manager.apply(resources)
            var result: [String: String] = [:]
            for file in Self.files { result[file] = contents(manager.directory + "/" + file) }
            return result
        }
    }

    @Test func memoryLimitSwapAndReservation() throws {
        let files = try apply(Resources(memory: MemoryResources(limit: 64 << 20, reservation: 32 << 20, swap: 128 << 20)))
        #expect(files["memory.max"] == "67108864")
        #expect(files["memory.swap.max"] == "67108864")  // v2 counts swap alone
        #expect(files["memory.low"] == "33554432")
    }

    @Test func unlimitedSwapAndMemory() throws {
        #expect(try apply(Resources(memory: MemoryResources(limit: 64 << 20, swap: -1)))["memory.swap.max"] == "max")
        #expect(try apply(Resources(memory: MemoryResources(limit: -1)))["memory.max"] == "max")
    }

    @Test func cpuWeightQuotaAndCpus() throws {
        let files = try apply(Resources(cpu: CPUResources(shares: 1024, quota: 50000, period: 100000, cpus: "0-1")))
        #expect(files["cpu.weight"] == "39")
        #expect(files["cpu.max"] == "50000 100000")
        #expect(files["cpuset.cpus"] == "0-1")
    }

    @Test(arguments: [
        (CPUResources(quota: 20000), "20000 100000"),
        (CPUResources(quota: -1, period: 50000), "max 50000"),
    ])
    func cpuMaxDefaults(cpu: CPUResources, expected: String) throws {
        #expect(try apply(Resources(cpu: cpu))["cpu.max"] == expected)
    }

    @Test(arguments: [(0, "max"), (-1, "max"), (20, "20")] as [(Int64, String)])
    func pidsLimit(limit: Int64, expected: String) throws {
        #expect(try apply(Resources(pids: PidsResources(limit: limit)))["pids.max"] == expected)
    }

    @Test(arguments: [(2, 1), (0, 1), (262_144, 10_000), (1_000_000, 10_000), (1024, 39)] as [(UInt64, UInt64)])
    func weightFromShares(shares: UInt64, weight: UInt64) {
        #expect(CgroupV2Manager.weight(fromShares: shares) == weight)
    }

    @Test func unifiedWritesKeysAndRejectsPaths() throws {
        #expect(try apply(Resources(unified: ["pids.max": "7"]))["pids.max"] == "7")
        for key in ["../escape", "a/b", ".hidden"] {
            #expect(throws: RuntimeError.self) { try apply(Resources(unified: [key: "1"])) }
        }
    }

    @Test func missingControlFileNamesTheFile() throws {
        try withTemporaryDirectory { root in
            let manager = CgroupV2Manager(root: root, path: "/berth/x")
            try FileSystem.makeDirectories(manager.directory)
            #expect { try manager.apply(Resources(pids: PidsResources(limit: 5))) } throws: { error in
                (error as? RuntimeError)?.message.hasPrefix("set cgroup pids.max to 5") == true
            }
        }
    }

    @Test(arguments: [
        (nil, "/berth/ID"), ("", "/berth/ID"), ("foo", "/berth/foo"), ("/a/../b", "/b"), ("/x//y/", "/x/y"),
    ] as [(String?, String)])
    func resolvePath(raw: String?, expected: String) throws {
        #expect(try Cgroups.resolvePath(raw, containerID: "ID") == expected)
    }

    @Test(arguments: ["system.slice:berth:x", "/", "/a/..", "/.."])
    func resolvePathRejects(raw: String) {
        #expect(throws: RuntimeError.self) { try Cgroups.resolvePath(raw, containerID: "ID") }
    }
}
