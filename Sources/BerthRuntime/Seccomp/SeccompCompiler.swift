import OCI

/// Compiles an OCI seccomp profile (Docker's format) into a classic BPF
/// program for seccomp(2): check the architecture, then one short block per
/// (syscall, rule) that returns the rule's action when the number and all its
/// argument conditions match, and the default action at the end. Every jump is
/// forward and local to its block, so no offset outgrows BPF's 8 bits.
struct SeccompCompiler {
    /// struct seccomp_data offsets.
    static let offsetNumber: UInt32 = 0
    static let offsetArch: UInt32 = 4
    static func offsetArgument(_ index: UInt, high: Bool) -> UInt32 { 16 + UInt32(index) * 8 + (high ? 4 : 0) }

    static let auditArchX86_64: UInt32 = 0xC000_003E
    static let x32Bit: UInt32 = 0x4000_0000

    /// The compiled program and the seccomp(2) flags to install it with.
    struct Program {
        var instructions: [UInt64]
        var flags: UInt32
    }

    static func compile(_ profile: Seccomp) throws(RuntimeError) -> Program {
        #if !arch(x86_64)
        throw RuntimeError("seccomp profiles are only supported on x86_64 for now")
        #endif
        let defaultAction = try action(profile.defaultAction, errno: profile.defaultErrnoRet)
        var program = BPFProgram()
        program.load(offsetArch)
        program.jump(.equal, auditArchX86_64, onTrue: .skip(1), onFalse: .next)
        program.ret(defaultAction)
        program.load(offsetNumber)
        // x32 system calls share the architecture but carry bit 30: refuse them.
        program.jump(.greaterOrEqual, x32Bit, onTrue: .next, onFalse: .skip(1))
        program.ret(defaultAction)
        for rule in profile.syscalls ?? [] {
            let ruleAction = try action(rule.action, errno: rule.errnoRet)
            for name in rule.names {
                // Names this kernel table does not know are skipped, as runc does.
                guard let number = SyscallTable.x86_64[name] else { continue }
                try program.appendRule(number: number, conditions: rule.args ?? [], action: ruleAction)
            }
        }
        program.ret(defaultAction)
        guard program.instructions.count <= 4096 else {
            throw RuntimeError("seccomp profile compiles to \(program.instructions.count) instructions; the kernel allows 4096")
        }
        var flags: UInt32 = 0
        for flag in profile.flags ?? [] {
            switch flag {
            case "SECCOMP_FILTER_FLAG_TSYNC": flags |= 1
            case "SECCOMP_FILTER_FLAG_LOG": flags |= 2
            case "SECCOMP_FILTER_FLAG_SPEC_ALLOW": flags |= 4
            default: throw RuntimeError("unknown seccomp flag \"\(flag)\"")
            }
        }
        return Program(instructions: program.instructions, flags: flags)
    }

    /// The SECCOMP_RET_* value for an OCI action name.
    static func action(_ name: String, errno: UInt32?) throws(RuntimeError) -> UInt32 {
        switch name {
        case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD": return 0x0000_0000
        case "SCMP_ACT_KILL_PROCESS": return 0x8000_0000
        case "SCMP_ACT_TRAP": return 0x0003_0000
        case "SCMP_ACT_ERRNO": return 0x0005_0000 | ((errno ?? 1) & 0xFFFF)
        case "SCMP_ACT_TRACE": return 0x7FF0_0000 | ((errno ?? 1) & 0xFFFF)
        case "SCMP_ACT_LOG": return 0x7FFC_0000
        case "SCMP_ACT_ALLOW": return 0x7FFF_0000
        default: throw RuntimeError("unsupported seccomp action \"\(name)\"")
        }
    }
}
