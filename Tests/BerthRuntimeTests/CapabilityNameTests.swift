import Testing
@testable import BerthRuntime

// Guards capability name → number mapping and the masks built from config.json names.
@Suite struct CapabilityNameTests {
    @Test(arguments: [
        ("CAP_CHOWN", 0), ("SYS_ADMIN", 21), ("cap_net_raw", 13), ("CAP_CHECKPOINT_RESTORE", 40), ("Kill", 5),
    ])
    func number(name: String, number: Int) {
        #expect(CapabilityName.number(of: name) == number)
    }

    @Test(arguments: ["CAP_NOPE", "", "CAP_", "CAP_CAP_CHOWN", " CAP_CHOWN"])
    func unknown(name: String) {
        #expect(CapabilityName.number(of: name) == nil)
    }

    @Test func tablesAreConsistent() {
        #expect(CapabilityName.all.count == 41)
        #expect(Set(CapabilityName.all).count == CapabilityName.all.count)
        #expect(CapabilityName.dockerDefaults.count == 14)
        #expect(Set(CapabilityName.dockerDefaults).count == 14)
        #expect(CapabilityName.dockerDefaults.allSatisfy { CapabilityName.number(of: $0) != nil })
    }

    @Test func maskSkipsCapabilitiesNewerThanKernel() throws {
        #expect(try CapabilityName.mask(["CAP_CHOWN", "KILL", "CAP_BPF"], lastCapability: 40) == 1 | 1 << 5 | 1 << 39)
        #expect(try CapabilityName.mask(["CAP_CHOWN", "CAP_BPF"], lastCapability: 38) == 1)
        #expect(try CapabilityName.mask(nil, lastCapability: 40) == 0)
    }

    @Test func maskRejectsUnknownName() {
        #expect { try CapabilityName.mask(["CAP_FLY"], lastCapability: 40) } throws: { error in
            (error as? RuntimeError)?.message == "unknown capability \"CAP_FLY\""
        }
    }
}
