import Glibc
import LinuxSys
import OCI

/// The per-process part of becoming the container's program: limits, the
/// executable lookup, the working directory, and the switch of identity.
struct ProcessSetup {
    let process: Process

    static let rlimitNames: [String] = [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE",
        "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS",
        "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE",
        "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    ]

    /// The RLIMIT_* number of a name (its index in `rlimitNames`), or nil.
    static func rlimitNumber(_ name: String) -> Int32? {
        rlimitNames.firstIndex(of: name).map { Int32($0) }
    }

    /// oom_score_adj and rlimits (while still privileged).
    func applyLimits() throws(RuntimeError) {
        if let adjustment = process.oomScoreAdj {
            do { try FileSystem.writeExisting("/proc/self/oom_score_adj", String(adjustment)) } catch {
                throw RuntimeError("set oom_score_adj", error)
            }
        }
        for limit in process.rlimits ?? [] {
            guard let resource = Self.rlimitNumber(limit.type) else { throw RuntimeError("unknown rlimit \"\(limit.type)\"") }
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
