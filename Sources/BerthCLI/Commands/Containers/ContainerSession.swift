import BerthClient
import LinuxSys
import Glibc
import OCI

/// The attached part of `run` and `start -a`: hijack the attach stream, open
/// the wait long-poll on its own connection, start, copy the stream, and
/// return the exit status the wait reports. docker's order: attach → wait → start.
struct ContainerSession {
    let client: APIClient
    let id: String
    let tty: Bool
    let stdin: Bool
    let stdout = true
    let stderr = true
    var detachKeys: String?
    var proxySignals = false
    var waitCondition = "next-exit"

    /// Runs the session. `start` performs the start request (errors map to exit codes by the caller).
    func run(start: () throws -> Void) throws -> Int32 {
        var query = QueryString()
        query.add("stream", "1")
        query.add("stdin", "1", if: stdin)
        query.add("stdout", "1", if: stdout)
        query.add("stderr", "1", if: stderr)
        if let detachKeys { query.add("detachKeys", detachKeys) }
        let attach = try client.newConnection()
        let attached = try attach.hijack("POST", client.prefix + APIClient.containerPath(id) + "/attach" + query.encoded)
        guard attached.status == 101 else { throw APIClient.daemonError(attached) }

        let waiter = try client.newConnection()
        var waitQuery = QueryString()
        waitQuery.add("condition", waitCondition)
        let waitHead = try waiter.start("POST", client.prefix + APIClient.containerPath(id) + "/wait" + waitQuery.encoded)
        if waitHead.status >= 400 {
            var response = waitHead
            response.body = try waiter.readRemainingBody()
            throw APIClient.daemonError(response)
        }

        try start()
        let terminal = tty && stdin ? RawTerminal() : nil
        if tty { resize() }
        var pump = StreamPump(connection: attach, tty: tty, sendStdin: stdin)
        if tty && stdin {
            guard let keys = DetachKeys.parse(detachKeys) else {
                throw CLIError("Invalid detach keys (\(detachKeys ?? "")) provided", exitCode: 125)
            }
            pump.detachSequence = keys
        }
        if tty {
            let client = client, id = id
            pump.signals = [SIGWINCH]
            pump.onSignal = { _ in ContainerSession.resize(client: client, path: APIClient.containerPath(id) + "/resize") }
        }
        if proxySignals && !tty {
            let client = client, id = id
            pump.signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2]
            pump.onSignal = { signal in
                var query = QueryString()
                query.add("signal", String(signal))
                _ = try? client.send("POST", APIClient.containerPath(id) + "/kill", query: query)
            }
        }
        let detached = pump.run()
        terminal?.restore()
        if detached { return 0 }

        let body = try waiter.readRemainingBody()
        let result = try APIClient.decode(body)
        if let message = result["Error"]?["Message"]?.stringValue, !message.isEmpty {
            throw CLIError("Error waiting for container: \(message)", exitCode: 125)
        }
        return Int32(truncatingIfNeeded: result["StatusCode"]?.int64Value ?? 0)
    }

    private func resize() { Self.resize(client: client, path: APIClient.containerPath(id) + "/resize") }

    /// Sends this terminal's size to a container's or an exec's resize endpoint.
    static func resize(client: APIClient, path: String) {
        let size = RawTerminal.size()
        guard size.rows > 0 else { return }
        var query = QueryString()
        query.add("h", String(size.rows))
        query.add("w", String(size.columns))
        _ = try? client.send("POST", path, query: query)
    }

    /// docker's exit status for a failed start: 127 command not found, 126 not executable, else 125.
    static func startFailureCode(_ message: String) -> Int32 {
        let lower = message.lowercased()
        if lower.contains("executable file not found") || lower.contains("no such file or directory")
            || lower.contains("system cannot find the file specified") {
            return 127
        }
        if lower.contains("permission denied") || lower.contains("cannot execute") || lower.contains("is a directory") { return 126 }
        return 125
    }
}
