import LinuxSys

/// Linux capability names and numbers (linux/capability.h), so config.json's
/// "CAP_NET_ADMIN" strings can be turned into the bits capset(2) wants.
public enum CapabilityName {
    /// Every capability the kernel headers name, in number order.
    public static let all: [String] = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
        "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
        "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE",
    ]

    /// Docker's default capability set for containers that are not privileged.
    public static let dockerDefaults: [String] = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
        "CAP_AUDIT_WRITE",
    ]

    /// The number of a capability name ("CAP_SYS_ADMIN" or "SYS_ADMIN"), or nil.
    public static func number(of name: String) -> Int? {
        let upper = name.asciiUppercased()
        let full = upper.hasPrefix("CAP_") ? upper : "CAP_" + upper
        return all.firstIndex(of: full)
    }

    /// Turns a list of names into a bit mask, rejecting unknown names.
    static func mask(_ names: [String]?, lastCapability: Int) throws(RuntimeError) -> UInt64 {
        var mask: UInt64 = 0
        for name in names ?? [] {
            guard let number = number(of: name) else { throw RuntimeError("unknown capability \"\(name)\"") }
            // Capabilities newer than the running kernel are skipped, as runc does.
            if number <= lastCapability { mask |= UInt64(1) << UInt64(number) }
        }
        return mask
    }
}
