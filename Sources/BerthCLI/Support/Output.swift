import LinuxSys

/// Writes to the CLI's stdout and stderr without Foundation; write errors
/// (a closed pipe) are ignored, as docker ignores them.
enum Output {
    /// Writes text to stdout.
    static func out(_ text: String) {
        try? FileDescriptor.standardOutput.writeAll(text)
    }

    /// Writes text and a newline to stdout.
    static func line(_ text: String) {
        out(text + "\n")
    }

    /// Writes bytes to stdout.
    static func bytes(_ bytes: [UInt8]) {
        try? FileDescriptor.standardOutput.writeAll(bytes)
    }

    /// Writes text and a newline to stderr.
    static func error(_ text: String) {
        try? FileDescriptor.standardError.writeAll(text + "\n")
    }
}
