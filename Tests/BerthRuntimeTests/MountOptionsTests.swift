import Testing
@testable import BerthRuntime
@testable import LinuxSys

// Guards how config.json mount options split into mount(2) flags, data and propagation.
@Suite struct MountOptionsTests {
    @Test func splitsFlagsDataAndPropagation() {
        let options = MountOptions(["ro", "nosuid", "mode=755", "size=64k", "rprivate"])
        #expect(options.flags == [.readOnly, .noSUID])
        #expect(options.clearedFlags == [])
        #expect(options.propagation == [[.private, .recursive]])
        #expect(options.data == ["mode=755", "size=64k"])
        #expect(options.dataString == "mode=755,size=64k")
        #expect(!options.isBind)
    }

    @Test(arguments: [
        ("bind", MountFlags.bind),
        ("rbind", [.bind, .recursive]),
    ] as [(String, MountFlags)])
    func bindIsAFlag(option: String, expected: MountFlags) {
        let options = MountOptions([option])
        #expect(options.flags == expected)
        #expect(options.isBind)
        #expect(options.dataString == nil)
    }

    @Test func laterOptionWins() {
        let cleared = MountOptions(["ro", "rw"])
        #expect(!cleared.flags.contains(.readOnly))
        #expect(cleared.clearedFlags == .readOnly)
        let set = MountOptions(["rw", "ro"])
        #expect(set.flags == .readOnly)
        #expect(set.clearedFlags == [])
    }

    @Test(arguments: ["tmpcopyup", "notmpcopyup", "defaults", "rro"])
    func ignoresOptionsForOtherTools(option: String) {
        #expect(MountOptions([option]) == MountOptions(nil))
    }

    @Test func propagationKeepsOrder() {
        let options = MountOptions(["shared", "rslave", "runbindable"])
        #expect(options.propagation == [.shared, [.slave, .recursive], [.unbindable, .recursive]])
        #expect(options.flags == [])
    }

    @Test(arguments: [
        (nil, [.private, .recursive]),
        ("", [.private, .recursive]),
        ("rshared", [.shared, .recursive]),
        ("slave", MountFlags.slave),
    ] as [(String?, MountFlags)])
    func rootPropagation(text: String?, expected: MountFlags) throws {
        #expect(try MountOptions.rootPropagation(text) == expected)
    }

    @Test func rootPropagationRejectsUnknownValue() {
        #expect { try MountOptions.rootPropagation("bogus") } throws: { error in
            (error as? RuntimeError)?.message == "invalid rootfsPropagation \"bogus\""
        }
    }
}
