import LinuxSys

/// Runs berthd's helper binaries (berth-shim's starter, the runtime's delete,
/// pause and resume, ps) to completion through LinuxSys.ChildProcess
/// (posix_spawn, nothing run between fork and exec), with stdout and stderr
/// merged into one text.
enum HelperProcess {
    /// Spawns `executable` with `arguments`, waits, and returns the shell-style status and output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ChildProcess.run(executable, [executable] + arguments, captureStdout: true)
        return (result.status.shellCode, result.errorOutput)
    }
}
