import Glibc
import LinuxSys
import OCI

extension Runtime {
    /// `start`: releases a created container's init to execute its program.
    public func start(id: String) throws(RuntimeError) {
        let record = try store.load(id)
        let status = status(of: record)
        guard status == "created" else {
            throw RuntimeError(status == "stopped" ? "cannot start a container that has stopped"
                                                   : "cannot start an already \(status) container")
        }
        try releaseFifo(record)
        let spec = try store.loadConfig(id)
        if let hooks = spec.hooks?.poststart, !hooks.isEmpty {
            let json = ociState(record).json.serialized()
            try HookRunner(state: json).run(hooks, phase: "poststart")
        }
    }

    /// Reads the byte the init writes into the exec fifo once it is released,
    /// giving up if the init dies first.
    private func releaseFifo(_ record: ContainerRecord) throws(RuntimeError) {
        let path = store.fifoPath(record.id)
        let fifo: FileDescriptor
        do { fifo = try FileDescriptor.open(path, O_RDONLY | O_NONBLOCK) } catch {
            throw RuntimeError("open exec fifo", error)
        }
        defer { fifo.close() }
        var entry = pollfd(fd: fifo.rawValue, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, 100)
            if ready > 0 && entry.revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                if Glibc.read(fifo.rawValue, &byte, 1) == 1 { break }
            }
            if !ProcessInfo.isAlive(pid: record.pid, startTime: record.pidStartTime) {
                unlink(path)
                throw RuntimeError("cannot start a container that has stopped")
            }
        }
        unlink(path)
    }
}
