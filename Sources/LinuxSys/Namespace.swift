import CLinuxSys
import Glibc

/// A kind of Linux namespace, with its clone flag and its name under /proc/PID/ns.
public enum NamespaceKind: String, Sendable, CaseIterable {
    case pid, network, mount, ipc, uts, user, cgroup, time

    /// The CLONE_NEW* flag.
    public var cloneFlag: Int32 {
        switch self {
        case .pid: return 0x2000_0000
        case .network: return 0x4000_0000
        case .mount: return 0x0002_0000
        case .ipc: return 0x0800_0000
        case .uts: return 0x0400_0000
        case .user: return 0x1000_0000
        case .cgroup: return 0x0200_0000
        case .time: return 0x0000_0080
        }
    }

    /// The file name under /proc/PID/ns/.
    public var procName: String {
        switch self {
        case .pid: return "pid"
        case .network: return "net"
        case .mount: return "mnt"
        case .ipc: return "ipc"
        case .uts: return "uts"
        case .user: return "user"
        case .cgroup: return "cgroup"
        case .time: return "time"
        }
    }
}

/// setns(2): joins the namespace `fd` refers to.
public func setNamespace(_ fd: FileDescriptor, _ kind: NamespaceKind, subject: String? = nil) throws(SystemError) {
    try syscallRetrying("setns", subject ?? kind.rawValue) { berth_setns(fd.rawValue, kind.cloneFlag) }
}

/// unshare(2).
public func unshareNamespaces(_ flags: Int32) throws(SystemError) {
    try syscallRetrying("unshare") { berth_unshare(flags) }
}

/// sethostname(2).
public func setHostname(_ name: String) throws(SystemError) {
    try syscallRetrying("sethostname", name) { sethostname(name, name.utf8.count) }
}

/// setdomainname(2).
public func setDomainname(_ name: String) throws(SystemError) {
    try syscallRetrying("setdomainname", name) { setdomainname(name, name.utf8.count) }
}
