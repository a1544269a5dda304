import CLinuxSys
import Glibc
import LinuxSys

/// Detaches the shim from whoever started it, the way conmon does: fork,
/// `setsid` in the child, fork again so the shim is no one's child (berthd
/// never has to reap it, and can die or restart without touching it). The
/// starter waits on a pipe for one line — "ok PID" or "error MESSAGE" — so the
/// daemon gets a synchronous result for starting the container.
public enum Daemonizer {
    /// The shim's end of the report pipe.
    public struct Reporter {
        let fd: FileDescriptor

        /// Reports success with the shim's pid and closes the pipe.
        public func succeeded() {
            try? fd.writeAll("ok \(getpid())\n")
            fd.close()
        }

        /// Reports a failure message and closes the pipe.
        public func failed(_ message: String) {
            try? fd.writeAll("error " + message + "\n")
            fd.close()
        }
    }

    /// Forks. In the starter this never returns: it waits for the report,
    /// prints the shim's pid (or the error on stderr) and exits. In the shim it
    /// returns the reporter, with the session, subreaper, cwd and stdio set up.
    public static func detach() throws(ShimError) -> Reporter {
        let pipe: (read: FileDescriptor, write: FileDescriptor)
        do { pipe = try makePipe() } catch { throw ShimError("create the report pipe", error) }
        let first = fork()
        if first < 0 { throw ShimError("fork", SystemError("fork")) }
        if first > 0 {
            pipe.write.close()
            exit(awaitReport(pipe.read, intermediate: first))
        }
        pipe.read.close()
        _ = setsid()
        let second = fork()
        if second < 0 {
            Reporter(fd: pipe.write).failed("fork: \(SystemError("fork").reason)")
            exitImmediately(1)
        }
        if second > 0 { exitImmediately(0) }
        // The shim proper.
        let report = pipe.write
        if report.rawValue > 3 { _ = berth_close_range(3, UInt32(report.rawValue - 1), 0) }
        _ = berth_close_range(UInt32(report.rawValue + 1), UInt32.max, 0)
        if report.rawValue == 3 { _ = berth_close_range(4, UInt32.max, 0) }
        _ = try? processControl(ProcessControlOption.setChildSubreaper, 1)
        _ = chdir("/")
        umask(0o022)
        if let null = try? FileDescriptor.open("/dev/null", O_RDWR) {
            for target: Int32 in 0...2 { try? null.duplicate(onto: target) }
            if null.rawValue > 2 { null.close() }
        }
        signal(SIGPIPE, SIG_IGN)
        signal(SIGHUP, SIG_IGN)
        return Reporter(fd: report)
    }

    /// The starter's side: reap the intermediate child, read the report.
    private static func awaitReport(_ fd: FileDescriptor, intermediate: pid_t) -> Int32 {
        _ = try? waitForExit(intermediate)
        let bytes = (try? fd.readAll()) ?? []
        fd.close()
        let text = String(decoding: bytes, as: UTF8.self)
        if let (verb, rest) = text.splitOnce(" ") {
            let message = rest.hasSuffix("\n") ? String(rest.dropLast()) : String(rest)
            if verb == "ok" {
                printLine(message, to: .standardOutput)
                return 0
            }
            if verb == "error" {
                printLine("berth-shim: " + message, to: .standardError)
                return 1
            }
        }
        printLine("berth-shim: the shim exited before reporting whether the container started", to: .standardError)
        return 1
    }

    /// Writes a line, ignoring failures (there is no one left to tell).
    static func printLine(_ text: String, to fd: FileDescriptor) {
        try? fd.writeAll(text + "\n")
    }
}
