import BerthRuntime
import Testing

@testable import BerthDaemon

/// --cap-add/--cap-drop/--privileged give the lists dockerd gives.
@Suite struct CapabilityRulesTests {
    static let host = CapabilityName.all.filter { $0 != "CAP_SYS_RESOURCE" }
    static let basics = CapabilityName.dockerDefaults

    @Test func defaultsWhenNothingIsAsked() throws {
        #expect(try CapabilityRules.resolve(basics: Self.basics, adds: nil, drops: [], privileged: false, available: Self.host) == Self.basics)
    }

    @Test func addAndDropAcceptNamesWithOrWithoutPrefixInAnyCase() throws {
        let caps = try CapabilityRules.resolve(basics: Self.basics, adds: ["net_admin", "CAP_SYS_PTRACE"], drops: ["chown", "CAP_KILL"],
                                               privileged: false, available: Self.host)
        #expect(caps.contains("CAP_NET_ADMIN") && caps.contains("CAP_SYS_PTRACE"))
        #expect(!caps.contains("CAP_CHOWN") && !caps.contains("CAP_KILL"))
        #expect(caps.contains("CAP_NET_RAW"))
    }

    @Test func dropAllThenAdd() throws {
        #expect(try CapabilityRules.resolve(basics: Self.basics, adds: ["NET_RAW"], drops: ["ALL"], privileged: false,
                                            available: Self.host) == ["CAP_NET_RAW"])
    }

    @Test func addAllMinusDrops() throws {
        let caps = try CapabilityRules.resolve(basics: Self.basics, adds: ["all"], drops: ["SYS_ADMIN"], privileged: false, available: Self.host)
        #expect(caps == Self.host.filter { $0 != "CAP_SYS_ADMIN" })
    }

    @Test func privilegedGetsWhatTheHostHas() throws {
        #expect(try CapabilityRules.resolve(basics: Self.basics, adds: nil, drops: ["ALL"], privileged: true, available: Self.host) == Self.host)
    }

    @Test func unknownAndUnavailableNamesAreRefused() {
        #expect(throws: CapabilityRules.Failure(description: "unknown capability: \"CAP_FOO\"")) {
            try CapabilityRules.normalize(["foo"], available: Self.host)
        }
        #expect(throws: CapabilityRules.Failure(
            description: "capability not supported by your kernel or not available in the current environment: \"CAP_SYS_RESOURCE\"")) {
            try CapabilityRules.normalize(["SYS_RESOURCE"], available: Self.host)
        }
    }

    @Test func availableReadsTheEffectiveSet() {
        let status = "Name:\tberthd\nCapEff:\t0000000000002001\n"
        #expect(CapabilityRules.available(statusText: status) == ["CAP_CHOWN", "CAP_NET_RAW"])
    }
}
