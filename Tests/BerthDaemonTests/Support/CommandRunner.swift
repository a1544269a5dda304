import Foundation

/// The outcome of a finished command.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to completion with output captured in files (no pipe can fill up).
func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let directory = try TemporaryDirectory(prefix: "berth-cmd")
    let outPath = directory.path + "/out"
    let errPath = directory.path + "/err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    )
}

/// Runs the stock docker CLI against a berthd socket, with a private client config.
func docker(_ arguments: [String], socket: String) throws -> CommandResult {
    let config = try TemporaryDirectory(prefix: "berth-dcfg")
    let result = try runCommand(
        "/usr/local/bin/docker", arguments,
        environment: ["DOCKER_HOST": "unix://\(socket)", "DOCKER_CONFIG": config.path, "DOCKER_CONTEXT": ""]
    )
    withExtendedLifetime(config) {}
    return result
}
