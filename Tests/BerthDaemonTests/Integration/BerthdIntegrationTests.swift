import BerthTestSupport
import Foundation
import Testing

/// The real berthd binary, driven by the stock docker CLI and raw HTTP.
@Suite struct BerthdIntegrationTests {
    /// Starts berthd, waits for its socket, runs `body`, and kills it whatever happens.
    private func withDaemon(arguments: [String] = [], _ body: (DaemonProcess) throws -> Void) throws {
        let daemon = try DaemonProcess(arguments: arguments)
        defer { daemon.kill() }
        try daemon.waitUntilServing()
        try body(daemon)
    }

    @Test func dockerVersionSeesTheServer() throws {
        try withDaemon { daemon in
            let result = try docker(["version"], socket: daemon.socketPath)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Server:"))
            #expect(result.stdout.contains("0.1.0-dev"))
            #expect(result.stdout.contains("1.44 (minimum version 1.24)"))
            #expect(result.stdout.contains("API version:       1.44 (downgraded from"))
        }
    }

    @Test func dockerInfoFormats() throws {
        try withDaemon { daemon in
            let result = try docker(
                ["info", "--format", "{{.ServerVersion}}|{{.DockerRootDir}}|{{.DefaultRuntime}}|{{.Swarm.LocalNodeState}}"],
                socket: daemon.socketPath
            )
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0-dev|\(daemon.dataRoot)|berth|inactive")
        }
    }

    @Test func unbuiltEndpointsFailClearly() throws {
        try withDaemon { daemon in
            // Networks are not served yet: the CLI shows dockerd's 404 wording.
            let result = try docker(["network", "ls"], socket: daemon.socketPath)
            #expect(result.status != 0)
            #expect(result.stderr.contains("Error response from daemon: page not found"))
        }
    }

    @Test func rawHTTPMatchesDockerd() throws {
        try withDaemon { daemon in
            let client = try RawHTTPClient(socketPath: daemon.socketPath)
            let head = try client.request("HEAD", "/_ping")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Api-Version") == "1.44")
            #expect(head.header("Ostype") == "linux")
            #expect(head.header("Server") == "Berth/0.1.0-dev (linux)")
            #expect(head.header("Builder-Version") == "1")
            let tooNew = try client.request("GET", "/v1.99/version")
            #expect(tooNew.status == 400)
            #expect(tooNew.text == #"{"message":"client version 1.99 is too new. Maximum supported API version is 1.44"}"# + "\n")
            for path in ["/v1.44/version", "/version", "/v1.24/version"] {
                let response = try client.request("GET", path)
                #expect(response.status == 200, "\(path)")
                #expect(response.text.contains(#""ApiVersion":"1.44""#), "\(path)")
                #expect(response.header("Content-Type") == "application/json")
            }
            let info = try client.request("GET", "/info")
            let object = try JSONSerialization.jsonObject(with: Data(info.body)) as? [String: Any]
            #expect(object?["OSType"] as? String == "linux")
            #expect((object?["NCPU"] as? Int ?? 0) > 0)
            #expect(["1", "2"].contains(object?["CgroupVersion"] as? String ?? ""))
            #expect((object?["ID"] as? String)?.isEmpty == false)
        }
    }

    @Test func secondDaemonOnSameDataRootRefuses() throws {
        try withDaemon { first in
            let second = try DaemonProcess(
                socketPath: first.directory.path + "/second.sock", dataRoot: first.dataRoot, directory: first.directory
            )
            defer { second.kill() }
            let status = second.waitForExit()
            #expect(status != nil && status != 0)
            #expect(second.log.contains("berthd is already running on \(first.dataRoot) (pid \(first.process.processIdentifier))"))
            #expect(!FileManager.default.fileExists(atPath: first.directory.path + "/second.sock"))
            // The first daemon is untouched.
            #expect(try RawHTTPClient(socketPath: first.socketPath).request("GET", "/_ping").text == "OK")
        }
    }

    @Test func secondDaemonOnSameSocketRefuses() throws {
        try withDaemon { first in
            let second = try DaemonProcess(
                socketPath: first.socketPath, dataRoot: first.directory.path + "/root2", directory: first.directory
            )
            defer { second.kill() }
            let status = second.waitForExit()
            #expect(status != nil && status != 0)
            #expect(second.log.contains("another process is already listening on \(first.socketPath)"))
            #expect(try RawHTTPClient(socketPath: first.socketPath).request("GET", "/_ping").text == "OK")
        }
    }

    @Test func sigtermExitsCleanly() throws {
        try withDaemon { daemon in
            let started = ContinuousClock.now
            let status = daemon.terminate(timeout: .seconds(5))
            #expect(status == 0, "\(daemon.log)")
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
            // The lock is free again: a new daemon starts on the same root.
            let again = try DaemonProcess(socketPath: daemon.socketPath, dataRoot: daemon.dataRoot, directory: daemon.directory)
            defer { again.kill() }
            try again.waitUntilServing()
        }
    }

    @Test func halfRequestThenDisconnectHarmsNothing() throws {
        try withDaemon { daemon in
            for partial in ["GET /_pi", "POST /version HTTP/1.1\r\nContent-Length: 50\r\n\r\nabc", "\u{1}\u{2}junk\r\n\r\n"] {
                let client = try RawHTTPClient(socketPath: daemon.socketPath)
                try client.send(partial)
            }
            let response = try RawHTTPClient(socketPath: daemon.socketPath).request("GET", "/_ping")
            #expect(response.status == 200)
            #expect(response.text == "OK")
        }
    }

    @Test func configFileUnknownKeyIsNamed() throws {
        let directory = try TemporaryDirectory(prefix: "berthd-cfg")
        let config = directory.path + "/daemon.json"
        try Data(#"{"log-level":"info","bogus-key":1}"#.utf8).write(to: URL(fileURLWithPath: config))
        let daemon = try DaemonProcess(arguments: ["--config-file", config], directory: directory)
        defer { daemon.kill() }
        let status = daemon.waitForExit()
        #expect(status != nil && status != 0)
        #expect(daemon.log.contains("unknown key \"bogus-key\""))
    }

    @Test func configFileHostsUsedWithoutFlag() throws {
        let directory = try TemporaryDirectory(prefix: "berthd-cfg")
        let socket = directory.path + "/from-file.sock"
        let config = directory.path + "/daemon.json"
        try Data(#"{"hosts":["unix://\#(socket)"],"log-level":"debug"}"#.utf8).write(to: URL(fileURLWithPath: config))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["--config-file", config, "--data-root", directory.path + "/root"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        var answered = false
        for _ in 0..<500 where !answered {
            answered = (try? RawHTTPClient(socketPath: socket).request("GET", "/_ping"))?.status == 200
            if !answered { usleep(20_000) }
        }
        #expect(answered)
    }
}
