import Glibc
import LinuxSys
import OCI

/// Which namespaces a new container creates and which it joins, with the
/// join descriptors opened up front (paths resolve in the host's mount
/// namespace, before the child changes anything).
struct NamespacePlan {
    var created: [NamespaceKind] = []
    var joins: [(NamespaceKind, FileDescriptor)] = []
    var pidJoin: FileDescriptor?

    /// The order setns must follow: user first (it grants the rest), mount last.
    static let joinOrder: [NamespaceKind] = [.user, .ipc, .uts, .network, .cgroup, .time, .mount]

    init(_ namespaces: [Namespace]) throws(RuntimeError) {
        var byKind: [(kind: NamespaceKind, path: String)] = []
        for namespace in namespaces {
            guard let kind = NamespaceKinds.kind(namespace.type) else {
                throw RuntimeError("unknown namespace type \"\(namespace.type)\"")
            }
            if let path = namespace.path, !path.isEmpty {
                byKind.append((kind, path))
            } else if !created.contains(kind) {
                created.append(kind)
            }
        }
        do {
            if let path = byKind.last(where: { $0.kind == .pid })?.path { pidJoin = try FileDescriptor.open(path, O_RDONLY) }
            for kind in Self.joinOrder {
                if let path = byKind.last(where: { $0.kind == kind })?.path { joins.append((kind, try FileDescriptor.open(path, O_RDONLY))) }
            }
        } catch {
            closeAll()
            throw RuntimeError("open namespace", error)
        }
    }

    /// Clone flags for the namespaces created at clone time. The cgroup
    /// namespace is unshared later, once the child sits in its cgroup.
    var cloneFlags: Int32 {
        created.filter { $0 != .cgroup }.reduce(Int32(0)) { $0 | $1.cloneFlag }
    }

    /// clone(2) with the plan's flags; a pid namespace to join is entered for
    /// the child only, and the parent returns to its own right after.
    func clone() throws(RuntimeError) -> pid_t {
        var ownPid: FileDescriptor?
        if let pidJoin {
            do {
                ownPid = try FileDescriptor.open("/proc/self/ns/pid", O_RDONLY)
                try setNamespace(pidJoin, .pid)
            } catch {
                ownPid?.close()
                throw RuntimeError("join pid namespace", error)
            }
        }
        defer {
            if let ownPid {
                try? setNamespace(ownPid, .pid)
                ownPid.close()
            }
        }
        do { return try cloneProcess(flags: cloneFlags) } catch { throw RuntimeError("create container process", error) }
    }

    func closeAll() {
        pidJoin?.close()
        for (_, fd) in joins { fd.close() }
    }
}
