import Glibc
import LinuxSys
import OCI

/// The per-process part of becoming the container's program: limits, the
/// executable lookup, the working directory, and the switch of identity.
struct ProcessSetup {
    let process: Process

    static let rlimitNumbers: [String: Int32] = [
        "RLIMIT_CPU": 0, "RLIMIT_FSIZE": 1, "RLIMIT_DATA": 2, "RLIMIT_STACK": 3, "RLIMIT_CORE": 4,
        "RLIMIT_RSS": 5, "RLIMIT_NPROC": 6, "RLIMIT_NOFILE": 7, "RLIMIT_MEMLOCK": 8, "RLIMIT_AS": 9,
        "RLIMIT_LOCKS": 10, "RLIMIT_SIGPENDING": 11, "RLIMIT_MSGQUEUE": 12, "RLIMIT_NICE": 13,
        "RLIMIT_RTPRIO": 14, "RLIMIT_RTTIME": 15,
    ]

    /// oom_score_adj and rlimits (while still privileged).
    func applyLimits() throws(RuntimeError) {
        if let adjustment = process.oomScoreAdj {
            do { try FileSystem.writeExisting("/proc/self/oom_score_adj", String(adjustment)) } catch {
                throw RuntimeError("set oom_score_adj", error)
            }
        }
        for limit in process.rlimits ?? [] {
            guard let resource = Self.rlimitNumbers[limit.type] else { throw RuntimeError("unknown rlimit \"\(limit.type)\"") }
            do { try setResourceLimit(resource, soft: limit.soft, hard: limit.hard) } catch {
                throw RuntimeError("set \(limit.type)", error)
            }
        }
    }

    /// The absolute path of args[0], searched in the process's PATH as execvp would.
    func resolveExecutable() throws(RuntimeError) -> String {
        guard let name = process.args?.first, !name.isEmpty else { throw RuntimeError("process.args is empty") }
        if name.containsByte(0x2f) {
            guard access(name, X_OK) == 0 else {
                throw RuntimeError("exec: \"\(name)\": stat \(name): \(SystemError("stat", name).reason.lowercased())")
            }
            return name
        }
        let pathVariable = (process.env ?? []).last(where: { $0.hasPrefix("PATH=") }).map { String($0.dropFirst(5)) }
            ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        for directory in pathVariable.splitBytes(0x3a) {
            let candidate = String(directory) + "/" + name
            if let info = FileSystem.statIfExists(candidate), (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        throw RuntimeError("exec: \"\(name)\": executable file not found in $PATH")
    }

    /// chdir to process.cwd, which must be absolute and inside the container.
    func enterWorkingDirectory() throws(RuntimeError) {
        let cwd = process.cwd.isEmpty ? "/" : process.cwd
        guard cwd.hasPrefix("/") else { throw RuntimeError("process.cwd \"\(cwd)\" is not an absolute path") }
        guard chdir(cwd) == 0 else { throw RuntimeError("chdir to cwd (\"\(cwd)\") set in config.json failed", SystemError("chdir", cwd)) }
    }

    /// Groups, gid, uid, capabilities, no_new_privs and umask, in the order
    /// that keeps the capabilities we were told to keep.
    func switchUser(capabilities: CapabilityPlan) throws(RuntimeError) {
        let user = process.user
        do {
            try processControl(ProcessControlOption.setKeepCapabilities, 1)
            let groups = (user.additionalGids ?? []).map { gid_t($0) }
            try syscallRetrying("setgroups") { setgroups(groups.count, groups) }
            try setGroupID(user.gid)
            try setUserID(user.uid)
            try processControl(ProcessControlOption.setKeepCapabilities, 0)
        } catch {
            throw RuntimeError("switch to user \(user.uid):\(user.gid)", error)
        }
        try capabilities.applySets()
        if process.noNewPrivileges == true {
            do { try processControl(ProcessControlOption.setNoNewPrivileges, 1) } catch { throw RuntimeError("set no_new_privs", error) }
        }
        umask(mode_t(user.umask ?? 0o022))
    }
}
