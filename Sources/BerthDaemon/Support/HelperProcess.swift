import Glibc
import LinuxSys

/// Runs berthd's helper binaries (berth-shim's starter, the runtime's delete)
/// with posix_spawn: nothing runs in the child between fork and exec, the
/// output pipe is close-on-exec for every other child berthd spawns at the
/// same time, and the caller gets the exit status with stdout+stderr merged.
enum HelperProcess {
    /// Spawns `executable` with `arguments`, waits, and returns status and output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let pipe = try makePipe()
        let ends = [pipe.read.rawValue, pipe.write.rawValue]
        let reader = pipe.read
        var writerOpen = true
        defer {
            reader.close()
            if writerOpen { close(ends[1]) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw SystemError("posix_spawn", executable, errno: spawned)
        }
        close(ends[1])
        writerOpen = false
        let output = (try? reader.readAll()) ?? []
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, String(decoding: output, as: UTF8.self))
    }
}
