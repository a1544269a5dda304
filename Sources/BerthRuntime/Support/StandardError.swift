import LinuxSys

/// Writes one line to stderr; the runtime's only way of talking to a user.
func printError(_ message: String) {
    try? FileDescriptor.standardError.writeAll(message + "\n")
}

/// Writes text to stdout.
func printOutput(_ text: String) {
    try? FileDescriptor.standardOutput.writeAll(text)
}
