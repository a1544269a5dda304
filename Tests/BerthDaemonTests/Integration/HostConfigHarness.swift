import BerthTestSupport
import Foundation
import Testing

/// A berthd with the busybox image imported, for the HostConfig suites: runs
/// detached containers through the stock docker CLI and reads their output;
/// `close()` force-removes every container it made, so nothing stays mounted.
final class HostConfigHarness {
    let daemon: DaemonProcess
    let work: TemporaryDirectory
    private var names: [String] = []

    init(_ prefix: String) throws {
        daemon = try DaemonProcess(arguments: [])
        try daemon.waitUntilServing()
        work = try TemporaryDirectory(prefix: prefix)
        let tar = try ImageCommandsRootTests().rootfsTar(in: work)
        let imported = try BerthDaemonTests.docker(["import", "-c", "CMD [\"sh\"]", tar, "busybox"], socket: daemon.socketPath)
        guard imported.status == 0 else { throw DaemonProcess.Failure(description: "import: \(imported.stderr)") }
    }

    var socket: String { daemon.socketPath }

    /// `docker …` against this daemon.
    func docker(_ arguments: [String]) throws -> CommandResult { try BerthDaemonTests.docker(arguments, socket: socket) }

    /// `docker run -d --name NAME FLAGS busybox COMMAND…`; the result of the run.
    @discardableResult
    func run(_ name: String, _ flags: [String], _ command: [String]) throws -> CommandResult {
        names.append(name)
        return try docker(["run", "-d", "--name", name] + flags + ["busybox"] + command)
    }

    /// Waits for the container and returns its stdout (stderr appended after a marker when not empty).
    func output(_ name: String) throws -> String {
        _ = try docker(["wait", name])
        let logs = try docker(["logs", name])
        return logs.stderr.isEmpty ? logs.stdout : logs.stdout + "--stderr--\n" + logs.stderr
    }

    /// Runs a container to completion and returns what it printed.
    func runOutput(_ name: String, _ flags: [String], _ command: [String]) throws -> String {
        let result = try run(name, flags, command)
        #expect(result.status == 0, "run \(name): \(result.stderr)")
        return try output(name)
    }

    /// Removes every container made through `run`, then stops the daemon.
    func close() {
        if !names.isEmpty { _ = try? docker(["rm", "-f"] + names) }
        daemon.kill()
    }

    /// A raw Engine API request with a JSON body.
    func post(_ path: String, json: String) throws -> RawHTTPClient.Response {
        let client = try RawHTTPClient(socketPath: socket)
        try client.send("POST \(path) HTTP/1.1\r\nHost: berth\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)")
        return try client.readResponse()
    }
}
