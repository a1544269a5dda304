import LinuxSys
import OCI

/// Everything the container's init (or an exec'd process) needs after clone:
/// what to set up, the descriptors the parent opened for it, and how to wait
/// for `start`.
struct InitContext {
    enum Mode {
        /// `create`: set up, report ready, block on the exec fifo until `start`.
        case create(fifoDirectory: FileDescriptor)
        /// `run`: set up, report ready, execute when the parent says so.
        case run
        /// `exec`: join a running container's namespaces and execute.
        case exec
    }

    let mode: Mode
    let spec: Spec
    let process: Process
    let containerID: String
    let bundle: String
    let rootfs: String
    let sync: SyncChannel
    /// A connected console socket when process.terminal is set.
    let consoleSocket: FileDescriptor?
    /// Namespaces to join, in the order they must be joined.
    let joins: [(NamespaceKind, FileDescriptor)]
    /// Namespace kinds created by the clone (so we know what we own).
    let created: [NamespaceKind]
    /// Whether to unshare a cgroup namespace once the parent placed us in the cgroup.
    let unshareCgroup: Bool
    let cgroupLayout: CgroupLayout
}
