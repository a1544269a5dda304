import Glibc
import LinuxSys
import OCI

/// Gives the process a pseudo-terminal: opens a pty inside the container,
/// hands the master to whoever listens on the console socket (the shim), and
/// makes the slave the process's controlling terminal and stdio.
struct ConsoleSetup {
    let process: Process
    let socket: FileDescriptor?

    func attach(mountConsole: Bool) throws(RuntimeError) {
        guard let socket else { throw RuntimeError("process.terminal is set but no --console-socket was given") }
        do {
            let (master, slavePath) = try Terminal.openPTY(ptmx: "/dev/ptmx")
            let slave = try FileDescriptor.open(slavePath, O_RDWR | O_NOCTTY)
            if let size = process.consoleSize {
                try Terminal.setWindowSize(slave, rows: UInt16(clamping: size.height), columns: UInt16(clamping: size.width))
            }
            if mountConsole {
                if !FileSystem.exists("/dev/console") { try FileSystem.touch("/dev/console", mode: 0o600) }
                try mount(source: slavePath, target: "/dev/console", type: nil, flags: .bind)
            }
            try Terminal.sendDescriptor(master, over: socket, payload: Array(slavePath.utf8))
            master.close()
            socket.close()
            _ = setsid()
            try Terminal.makeControlling(slave)
            for target: Int32 in 0...2 { try slave.duplicate(onto: target) }
            if slave.rawValue > 2 { slave.close() }
        } catch {
            throw RuntimeError("set up the console", error)
        }
    }
}
