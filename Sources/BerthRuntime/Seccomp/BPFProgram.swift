import OCI

/// A classic BPF program under construction, with forward jumps expressed as
/// "next", "skip n" or "fail" (to the end of the current rule block).
struct BPFProgram {
    enum Target: Equatable {
        case next
        case skip(Int)
        case fail
    }

    enum Comparison {
        case equal, greater, greaterOrEqual, bitsSet

        var code: UInt16 {
            switch self {
            case .equal: return 0x15  // BPF_JMP | BPF_JEQ | BPF_K
            case .greater: return 0x25  // BPF_JMP | BPF_JGT | BPF_K
            case .greaterOrEqual: return 0x35  // BPF_JMP | BPF_JGE | BPF_K
            case .bitsSet: return 0x45  // BPF_JMP | BPF_JSET | BPF_K
            }
        }
    }

    private(set) var instructions: [UInt64] = []
    /// Instructions of the open rule block whose `.fail` targets still need resolving.
    private var pending: [(index: Int, code: UInt16, onTrue: Target, onFalse: Target, k: UInt32)] = []
    private var inBlock = false

    /// struct sock_filter packed little-endian: code, jt, jf, k.
    static func encode(code: UInt16, jt: UInt8, jf: UInt8, k: UInt32) -> UInt64 {
        UInt64(code) | UInt64(jt) << 16 | UInt64(jf) << 24 | UInt64(k) << 32
    }

    mutating func load(_ offset: UInt32) {
        emit(code: 0x20, onTrue: .next, onFalse: .next, k: offset)  // BPF_LD | BPF_W | BPF_ABS
    }

    mutating func and(_ mask: UInt32) {
        emit(code: 0x54, onTrue: .next, onFalse: .next, k: mask)  // BPF_ALU | BPF_AND | BPF_K
    }

    mutating func jump(_ comparison: Comparison, _ value: UInt32, onTrue: Target, onFalse: Target) {
        emit(code: comparison.code, onTrue: onTrue, onFalse: onFalse, k: value)
    }

    mutating func ret(_ value: UInt32) {
        emit(code: 0x06, onTrue: .next, onFalse: .next, k: value)  // BPF_RET | BPF_K
    }

    private mutating func emit(code: UInt16, onTrue: Target, onFalse: Target, k: UInt32) {
        if inBlock {
            pending.append((instructions.count, code, onTrue, onFalse, k))
            instructions.append(0)
        } else {
            instructions.append(Self.encode(code: code, jt: Self.offset(onTrue), jf: Self.offset(onFalse), k: k))
        }
    }

    private static func offset(_ target: Target) -> UInt8 {
        if case .skip(let count) = target { return UInt8(count) }
        return 0
    }

    /// One block: the syscall number (in the accumulator on entry is not
    /// assumed), every argument condition, then `ret action`; any mismatch
    /// jumps past the block.
    mutating func appendRule(number: UInt32, conditions: [SeccompArg], action: UInt32) throws(RuntimeError) {
        inBlock = true
        pending = []
        load(SeccompCompiler.offsetNumber)
        jump(.equal, number, onTrue: .next, onFalse: .fail)
        for condition in conditions { try appendCondition(condition) }
        ret(action)
        inBlock = false
        let end = instructions.count
        for item in pending {
            func resolve(_ target: Target) throws(RuntimeError) -> UInt8 {
                let distance: Int
                switch target {
                case .next: distance = 0
                case .skip(let count): distance = count
                case .fail: distance = end - item.index - 1
                }
                guard distance <= 255 else { throw RuntimeError("seccomp rule too long to compile") }
                return UInt8(distance)
            }
            instructions[item.index] = Self.encode(code: item.code, jt: try resolve(item.onTrue), jf: try resolve(item.onFalse), k: item.k)
        }
    }

    /// One 64-bit argument comparison, as two 32-bit halves.
    private mutating func appendCondition(_ condition: SeccompArg) throws(RuntimeError) {
        guard condition.index < 6 else { throw RuntimeError("seccomp argument index \(condition.index) is out of range") }
        let high = SeccompCompiler.offsetArgument(condition.index, high: true)
        let low = SeccompCompiler.offsetArgument(condition.index, high: false)
        let value = condition.value
        let (valueHigh, valueLow) = (UInt32(truncatingIfNeeded: value >> 32), UInt32(truncatingIfNeeded: value))
        switch condition.op {
        case "SCMP_CMP_EQ":
            load(high); jump(.equal, valueHigh, onTrue: .next, onFalse: .fail)
            load(low); jump(.equal, valueLow, onTrue: .next, onFalse: .fail)
        case "SCMP_CMP_NE":
            load(high); jump(.equal, valueHigh, onTrue: .next, onFalse: .skip(2))
            load(low); jump(.equal, valueLow, onTrue: .fail, onFalse: .next)
        case "SCMP_CMP_MASKED_EQ":
            let datum = condition.valueTwo ?? 0
            load(high); and(valueHigh); jump(.equal, UInt32(truncatingIfNeeded: datum >> 32), onTrue: .next, onFalse: .fail)
            load(low); and(valueLow); jump(.equal, UInt32(truncatingIfNeeded: datum), onTrue: .next, onFalse: .fail)
        case "SCMP_CMP_GT", "SCMP_CMP_GE":
            load(high)
            jump(.greater, valueHigh, onTrue: .skip(3), onFalse: .next)
            jump(.equal, valueHigh, onTrue: .next, onFalse: .fail)
            load(low)
            jump(condition.op == "SCMP_CMP_GT" ? .greater : .greaterOrEqual, valueLow, onTrue: .next, onFalse: .fail)
        case "SCMP_CMP_LT", "SCMP_CMP_LE":
            load(high)
            jump(.greater, valueHigh, onTrue: .fail, onFalse: .next)
            jump(.equal, valueHigh, onTrue: .next, onFalse: .skip(2))
            load(low)
            jump(condition.op == "SCMP_CMP_LT" ? .greaterOrEqual : .greater, valueLow, onTrue: .fail, onFalse: .next)
        default:
            throw RuntimeError("unsupported seccomp comparison \"\(condition.op)\"")
        }
    }
}
