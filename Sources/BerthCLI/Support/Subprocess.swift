import Glibc

/// Starts a helper program (the host's `tar`, for `cp`) with chosen stdin and
/// stdout descriptors through posix_spawn, and waits for it.
struct Subprocess {
    let pid: pid_t

    /// Spawns `arguments` (searched in PATH) with `stdin`/`stdout` dup'ed onto 0 and 1.
    init(_ arguments: [String], stdin: Int32? = nil, stdout: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin { posix_spawn_file_actions_adddup2(&actions, stdin, 0) }
        if let stdout { posix_spawn_file_actions_adddup2(&actions, stdout, 1) }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawnp(&child, arguments[0], &actions, nil, argv, environ)
        guard result == 0 else { throw CLIError("cannot run \(arguments[0]): \(String(cString: strerror(result)))") }
        pid = child
    }

    /// Waits for the program; returns its exit status.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
