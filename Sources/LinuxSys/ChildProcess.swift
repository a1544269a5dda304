import Glibc

/// Starts helper programs (the OCI runtime) with chosen stdio, through
/// posix_spawn: no Swift code runs in the child, the signal mask is cleared and
/// the signals the shim ignores are reset, so the container does not inherit them.
public enum ChildProcess {
    /// Spawns `path` with `arguments` (argv[0] included) and the given
    /// descriptors as stdin, stdout and stderr; returns the child's pid.
    public static func spawn(
        _ path: String, _ arguments: [String], stdin: FileDescriptor, stdout: FileDescriptor, stderr: FileDescriptor
    ) throws(SystemError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.rawValue, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.rawValue, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.rawValue, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGHUP, SIGINT, SIGQUIT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw SystemError("posix_spawn", path, errno: result) }
        return pid
    }

    /// Runs a program to completion with stdin on /dev/null, collecting what
    /// it writes to stderr — and to stdout with `captureStdout` (else /dev/null).
    /// The capture pipe is close-on-exec, so no other child inherits it.
    public static func run(
        _ path: String, _ arguments: [String], captureStdout: Bool = false
    ) throws(SystemError) -> (status: ExitStatus, errorOutput: String) {
        let null = try FileDescriptor.open("/dev/null", O_RDWR)
        defer { null.close() }
        let capture = try makePipe()
        let pid: pid_t
        do {
            pid = try spawn(path, arguments, stdin: null, stdout: captureStdout ? capture.write : null, stderr: capture.write)
        } catch {
            capture.read.close()
            capture.write.close()
            throw error
        }
        capture.write.close()
        let output = (try? capture.read.readAll()) ?? []
        capture.read.close()
        let status = try waitForExit(pid)
        return (status, String(decoding: output, as: UTF8.self))
    }
}
