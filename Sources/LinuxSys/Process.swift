import CLinuxSys
import Glibc

/// How a child ended, decoded from wait(2)'s status word.
public enum ExitStatus: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)

    /// The status the way shells and Docker report it: the exit code, or 128+signal.
    public var shellCode: Int32 {
        switch self {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }

    /// Decodes a raw wait status (WIFEXITED/WEXITSTATUS/WTERMSIG).
    public init(rawStatus: Int32) {
        if rawStatus & 0x7f == 0 {
            self = .exited((rawStatus >> 8) & 0xff)
        } else {
            self = .signaled(rawStatus & 0x7f)
        }
    }
}

/// clone(2) without a new stack, like fork(2) but able to create namespaces.
/// Only for single-threaded processes (berth-runtime is one).
public func cloneProcess(flags: Int32) throws(SystemError) -> pid_t {
    try syscallRetrying("clone") { berth_clone(UInt(UInt32(bitPattern: flags))) }
}

/// waitpid(2) for one child, blocking until it ends.
public func waitForExit(_ pid: pid_t) throws(SystemError) -> ExitStatus {
    var status: Int32 = 0
    try syscallRetrying("waitpid") { waitpid(pid, &status, 0) }
    return ExitStatus(rawStatus: status)
}

/// waitpid(2) without blocking: nil while the child still runs.
public func pollExit(_ pid: pid_t) throws(SystemError) -> ExitStatus? {
    var status: Int32 = 0
    let result = try syscallRetrying("waitpid") { waitpid(pid, &status, WNOHANG) }
    return result == 0 ? nil : ExitStatus(rawStatus: status)
}

/// kill(2).
public func sendSignal(_ pid: pid_t, _ signal: Int32) throws(SystemError) {
    try syscallRetrying("kill", "pid \(pid)") { kill(pid, signal) }
}

/// Whether a process with this pid exists (kill(pid, 0)).
public func processExists(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || currentErrno() == EPERM
}

/// prctl(2).
@discardableResult
public func processControl(
    _ option: Int32, _ arg2: UInt = 0, _ arg3: UInt = 0, _ arg4: UInt = 0, _ arg5: UInt = 0
) throws(SystemError) -> Int32 {
    try syscallRetrying("prctl") { berth_prctl(option, arg2, arg3, arg4, arg5) }
}

/// prctl(2) option numbers Berth uses (linux/prctl.h).
public enum ProcessControlOption {
    public static let setDumpable: Int32 = 4  // PR_SET_DUMPABLE
    public static let setKeepCapabilities: Int32 = 8  // PR_SET_KEEPCAPS
    public static let dropBoundingCapability: Int32 = 24  // PR_CAPBSET_DROP
    public static let setNoNewPrivileges: Int32 = 38  // PR_SET_NO_NEW_PRIVS
    public static let setChildSubreaper: Int32 = 36  // PR_SET_CHILD_SUBREAPER
    public static let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
    public static let capabilityAmbient: Int32 = 47  // PR_CAP_AMBIENT
}

/// setresuid(2) with one uid for real, effective and saved.
public func setUserID(_ uid: UInt32) throws(SystemError) {
    try syscallRetrying("setresuid", "\(uid)") { berth_setresuid(uid) }
}

/// setresgid(2) with one gid for real, effective and saved.
public func setGroupID(_ gid: UInt32) throws(SystemError) {
    try syscallRetrying("setresgid", "\(gid)") { berth_setresgid(gid) }
}

/// prlimit(2) on the calling process.
public func setResourceLimit(_ resource: Int32, soft: UInt64, hard: UInt64) throws(SystemError) {
    try syscallRetrying("setrlimit") { berth_setrlimit(resource, soft, hard) }
}

/// The filesystem magic of the filesystem holding `path` (statfs f_type).
public func filesystemType(_ path: String) -> Int? {
    let type = berth_fs_type(path)
    return type < 0 ? nil : type
}

/// execve(2); returns only by throwing.
public func execute(path: String, arguments: [String], environment: [String]) -> SystemError {
    var cArgs: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    cArgs.append(nil)
    var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) }
    cEnv.append(nil)
    execve(path, cArgs, cEnv)
    let error = SystemError("exec", path)
    for pointer in cArgs { free(pointer) }
    for pointer in cEnv { free(pointer) }
    return error
}

/// Marks every descriptor from `first` up close-on-exec, so nothing of the
/// runtime leaks into the program it executes.
public func closeOnExecFrom(_ first: Int32) throws(SystemError) {
    try syscallRetrying("close_range") { berth_cloexec_from(first) }
}

/// Terminates the process immediately without running atexit handlers.
public func exitImmediately(_ code: Int32) -> Never { _exit(code) }

/// The capability sets of a process (capget(2)).
public struct CapabilitySets: Sendable, Equatable {
    public var effective: UInt64
    public var permitted: UInt64
    public var inheritable: UInt64
    public init(effective: UInt64, permitted: UInt64, inheritable: UInt64) {
        self.effective = effective
        self.permitted = permitted
        self.inheritable = inheritable
    }
}

/// capget(2) for the calling process.
public func getCapabilities() throws(SystemError) -> CapabilitySets {
    var effective: UInt64 = 0, permitted: UInt64 = 0, inheritable: UInt64 = 0
    try syscallRetrying("capget") { berth_capget(0, &effective, &permitted, &inheritable) }
    return CapabilitySets(effective: effective, permitted: permitted, inheritable: inheritable)
}

/// capset(2) for the calling process.
public func setCapabilities(_ sets: CapabilitySets) throws(SystemError) {
    try syscallRetrying("capset") { berth_capset(sets.effective, sets.permitted, sets.inheritable) }
}

/// Installs a classic-BPF seccomp filter.
public func installSeccompFilter(_ program: [UInt64], flags: UInt32) throws(SystemError) {
    try syscallRetrying("seccomp") {
        program.withUnsafeBytes { raw in berth_seccomp_filter(raw.baseAddress, UInt16(program.count), flags) }
    }
}
