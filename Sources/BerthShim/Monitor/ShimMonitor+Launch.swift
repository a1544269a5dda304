import CLinuxSys
import Glibc
import LinuxSys

extension ShimMonitor {
    /// Prepares the log, the control socket and the container's stdio, runs
    /// the runtime's `create` and `start`, and returns the monitor for the
    /// running container. On failure nothing is left behind: the container is
    /// deleted if it was created, and the shim's files are removed.
    public static func launch(_ options: ShimOptions) throws(ShimError) -> ShimMonitor {
        do {
            try FileSystem.makeDirectories(options.stateDirectory, mode: 0o700)
        } catch {
            throw ShimError("create state directory \(options.stateDirectory)", error)
        }
        if let text = try? FileSystem.readString(options.shimPIDPath), let other = pid_t(text.splitBytes(0x0a).first ?? ""),
            other != getpid(), processExists(other)
        {
            throw ShimError("a shim (pid \(other)) is already running for state directory \(options.stateDirectory)")
        }
        for stale in [options.exitPath, options.initPIDPath] { unlink(stale) }
        let log = JSONLogWriter(file: try RotatingLogFile(path: options.logPath, maxSize: options.logMaxSize, maxFiles: options.logMaxFiles))
        var control: ControlServer
        do {
            control = try ControlServer(path: options.controlSocketPath)
        } catch {
            log.close()
            throw ShimError("listen on \(options.controlSocketPath)", error)
        }
        do {
            try FileSystem.writeAtomically(options.shimPIDPath, Array("\(getpid())\n".utf8), durable: false)
            let runtime = RuntimeClient(binary: options.runtime, root: options.runtimeRoot, id: options.id)
            let started = try startContainer(options, runtime: runtime)
            let handle = berth_pidfd_open(started.pid, 0)
            return ShimMonitor(
                options: options, runtime: runtime, cgroup: MemoryCgroup(bundle: options.bundle, id: options.id), log: log,
                sources: started.sources, stdin: StdinForwarder(writer: started.stdin, isTerminal: options.tty), initPID: started.pid,
                initHandle: handle >= 0 ? FileDescriptor(rawValue: handle) : nil, control: control,
                awaitingStart: options.awaitStart)
        } catch let error as ShimError {
            control.close()
            log.close()
            unlink(options.shimPIDPath)
            throw error
        } catch {
            control.close()
            log.close()
            unlink(options.shimPIDPath)
            throw ShimError("\(error)")
        }
    }

    /// The container's stdio as the shim holds it after `create`.
    struct Started {
        var pid: pid_t
        var sources: [LogSource]
        var stdin: FileDescriptor?
    }

    /// create + start, with pipes or a console socket.
    private static func startContainer(_ options: ShimOptions, runtime: RuntimeClient) throws(ShimError) -> Started {
        var opened: [FileDescriptor] = []
        var kept: [FileDescriptor] = []
        var consoleListener: FileDescriptor?
        var created = false
        var succeeded = false
        defer {
            for fd in opened { fd.close() }
            if let consoleListener {
                consoleListener.close()
                unlink(options.consoleSocketPath)
            }
            if !succeeded {
                for fd in kept { fd.close() }
                if created { runtime.forceDelete() }
                // The init (created, then killed by delete) is the shim's child now.
                while waitpid(-1, nil, WNOHANG) > 0 {}
            }
        }
        func track(_ pipe: (read: FileDescriptor, write: FileDescriptor), keep: KeptEnd) -> (read: FileDescriptor, write: FileDescriptor) {
            opened.append(keep == .read ? pipe.write : pipe.read)
            kept.append(keep == .read ? pipe.read : pipe.write)
            return pipe
        }
        var started = Started(pid: 0, sources: [], stdin: nil)
        let errorPipe: (read: FileDescriptor, write: FileDescriptor)
        let status: ExitStatus
        do {
            let null = try FileDescriptor.open("/dev/null", O_RDWR)
            opened.append(null)
            errorPipe = track(try makePipe(), keep: .read)
            if options.tty {
                consoleListener = try UnixListener.listen(options.consoleSocketPath, mode: 0o600, backlog: 1)
                status = try runtime.create(
                    bundle: options.bundle, pidFile: options.initPIDPath, consoleSocket: options.consoleSocketPath,
                    stdin: null, stdout: null, stderr: errorPipe.write)
            } else {
                let output = track(try makePipe(), keep: .read)
                var input = null
                if options.stdin {
                    let pipe = track(try makePipe(), keep: .write)
                    input = pipe.read
                    try setNonBlocking(pipe.write)
                    started.stdin = pipe.write
                }
                try setNonBlocking(output.read)
                try setNonBlocking(errorPipe.read)
                started.sources = [LogSource(fd: output.read, stream: "stdout"), LogSource(fd: errorPipe.read, stream: "stderr")]
                status = try runtime.create(
                    bundle: options.bundle, pidFile: options.initPIDPath, consoleSocket: nil,
                    stdin: input, stdout: output.write, stderr: errorPipe.write)
            }
        } catch let error as ShimError {
            throw error
        } catch let error as SystemError {
            throw ShimError("prepare the container's stdio", error)
        } catch {
            throw ShimError("\(error)")
        }
        for fd in opened { fd.close() }
        opened = []
        guard status == .exited(0) else {
            try? setNonBlocking(errorPipe.read)
            throw RuntimeClient.failure("create", status, String(decoding: readAvailable(errorPipe.read), as: UTF8.self))
        }
        created = true
        if options.tty {
            errorPipe.read.close()
            kept.removeAll { $0 == errorPipe.read }
            guard let consoleListener, let connection = UnixListener.accept(consoleListener, nonBlocking: false) else {
                throw ShimError("the runtime did not connect to the console socket (is process.terminal set in config.json?)")
            }
            defer { connection.close() }
            do {
                let master = try Terminal.receiveDescriptor(over: connection)
                try master.setCloseOnExec(true)
                try setNonBlocking(master)
                kept.append(master)
                started.sources = [LogSource(fd: master, stream: "stdout", isTerminal: true)]
                started.stdin = options.stdin ? master : nil
            } catch {
                throw ShimError("receive the container's terminal", error)
            }
        }
        guard let text = try? FileSystem.readString(options.initPIDPath), let pid = pid_t(text.splitBytes(0x0a).first ?? "") else {
            throw ShimError("the runtime wrote no pid to \(options.initPIDPath)")
        }
        started.pid = pid
        if !options.awaitStart { try runtime.start() }
        succeeded = true
        return started
    }

    private enum KeptEnd { case read, write }

    /// Sets O_NONBLOCK.
    static func setNonBlocking(_ fd: FileDescriptor) throws(SystemError) {
        let flags = try syscallRetrying("fcntl") { fcntl(fd.rawValue, F_GETFL) }
        try syscallRetrying("fcntl") { fcntl(fd.rawValue, F_SETFL, flags | O_NONBLOCK) }
    }

    /// Whatever a non-blocking descriptor has to give right now.
    static func readAvailable(_ fd: FileDescriptor) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while result.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd.rawValue, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}
