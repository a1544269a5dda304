@testable import BerthRuntime
import OCI
import Testing

/// Guards the seccomp compiler: actions map to the kernel's return values,
/// programs have the expected shape, and bad profiles are refused.
@Suite struct SeccompCompilerTests {
    @Test(arguments: [
        ("SCMP_ACT_ALLOW", nil, UInt32(0x7FFF_0000)),
        ("SCMP_ACT_ERRNO", nil, UInt32(0x0005_0001)),
        ("SCMP_ACT_ERRNO", UInt32(38), UInt32(0x0005_0026)),
        ("SCMP_ACT_KILL_PROCESS", nil, UInt32(0x8000_0000)),
        ("SCMP_ACT_KILL", nil, UInt32(0)),
        ("SCMP_ACT_LOG", nil, UInt32(0x7FFC_0000)),
        ("SCMP_ACT_TRAP", nil, UInt32(0x0003_0000)),
    ] as [(String, UInt32?, UInt32)])
    func actions(name: String, errno: UInt32?, expected: UInt32) throws {
        #expect(try SeccompCompiler.action(name, errno: errno) == expected)
    }

    @Test func unknownActionComparisonAndFlagAreRefused() {
        #expect(throws: RuntimeError.self) { try SeccompCompiler.action("SCMP_ACT_NOTIFY", errno: nil) }
        let badOp = Seccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
            SeccompSyscall(names: ["read"], action: "SCMP_ACT_ERRNO", args: [SeccompArg(index: 0, value: 1, op: "SCMP_CMP_WHATEVER")]),
        ])
        #expect(throws: RuntimeError.self) { try SeccompCompiler.compile(badOp) }
        let badIndex = Seccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
            SeccompSyscall(names: ["read"], action: "SCMP_ACT_ERRNO", args: [SeccompArg(index: 6, value: 1, op: "SCMP_CMP_EQ")]),
        ])
        #expect(throws: RuntimeError.self) { try SeccompCompiler.compile(badIndex) }
        #expect(throws: RuntimeError.self) { try SeccompCompiler.compile(Seccomp(defaultAction: "SCMP_ACT_ALLOW", flags: ["NOPE"])) }
    }

    @Test func programShape() throws {
        let profile = Seccomp(defaultAction: "SCMP_ACT_ERRNO", flags: ["SECCOMP_FILTER_FLAG_LOG"], syscalls: [
            SeccompSyscall(names: ["read", "write", "no_such_call"], action: "SCMP_ACT_ALLOW"),
        ])
        let program = try SeccompCompiler.compile(profile)
        // 6 header instructions, 3 per known syscall (ld nr, jeq, ret), 1 default.
        #expect(program.instructions.count == 6 + 3 * 2 + 1)
        #expect(program.flags == 2)
        // Header: ld arch; jeq x86_64 → skip the `ret default` that follows.
        #expect(program.instructions[0] == BPFProgram.encode(code: 0x20, jt: 0, jf: 0, k: 4))
        #expect(program.instructions[1] == BPFProgram.encode(code: 0x15, jt: 1, jf: 0, k: 0xC000_003E))
        // The block for `read` (0): ld nr; jeq 0 jt=0 jf=1; ret ALLOW.
        #expect(program.instructions[6] == BPFProgram.encode(code: 0x20, jt: 0, jf: 0, k: 0))
        #expect(program.instructions[7] == BPFProgram.encode(code: 0x15, jt: 0, jf: 1, k: 0))
        #expect(program.instructions[8] == BPFProgram.encode(code: 0x06, jt: 0, jf: 0, k: 0x7FFF_0000))
        #expect(program.instructions.last == BPFProgram.encode(code: 0x06, jt: 0, jf: 0, k: 0x0005_0001))
    }

    @Test func argumentConditionsJumpToTheBlockEnd() throws {
        let profile = Seccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
            SeccompSyscall(names: ["personality"], action: "SCMP_ACT_ERRNO",
                           args: [SeccompArg(index: 0, value: 0xFFFF_FFFF, op: "SCMP_CMP_EQ")]),
        ])
        let program = try SeccompCompiler.compile(profile).instructions
        // Block: ld nr, jeq nr, ld hi, jeq hi, ld lo, jeq lo, ret — 7 instructions
        // starting at 6; every failure lands on index 13 (the default).
        #expect(program.count == 6 + 7 + 1)
        let jf = { (index: Int) in Int((program[index] >> 24) & 0xFF) }
        for index in [7, 9, 11] { #expect(index + 1 + jf(index) == 13) }
    }
}
