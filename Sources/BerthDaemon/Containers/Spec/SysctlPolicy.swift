/// Which `--sysctl` keys a container may set: only those the kernel keeps per
/// namespace (the docker CLI's list) — net.* (network namespace), the IPC
/// ones (kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*). Anything else
/// would change the host, so create refuses it.
enum SysctlPolicy {
    /// IPC-namespace keys allowed by exact name.
    static let ipcKeys: Set<String> = [
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
        "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    ]

    /// Why a sysctl is refused, or nil when it is allowed.
    static func refusal(key: String, value: String, networkMode: String?) -> String? {
        if key.isEmpty || key.contains("/") || key.contains("..") || key.hasPrefix(".") || key.hasSuffix(".") {
            return "sysctl '\(key)=\(value)' is not allowed"
        }
        if key.hasPrefix("net.") {
            if networkMode == "host" { return "sysctl '\(key)' not allowed in host network mode" }
            return nil
        }
        if ipcKeys.contains(key) || key.hasPrefix("fs.mqueue.") { return nil }
        return "sysctl '\(key)=\(value)' is not allowed"
    }
}
