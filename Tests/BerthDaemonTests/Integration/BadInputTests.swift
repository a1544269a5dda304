import BerthTestSupport
import Foundation
import Glibc
import LinuxSys
import Testing

/// Bad input gets dockerd's status and message and changes nothing; clients
/// that vanish mid-request or mid-stream harm neither berthd nor containers.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root: real containers"))
struct BadInputRootTests {
    func post(_ bed: ContainerTestBed, _ path: String, json: String) throws -> RawHTTPClient.Response {
        let client = try RawHTTPClient(socketPath: bed.socket)
        try client.send("POST \(path) HTTP/1.1\r\nHost: berth\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)")
        return try client.readResponse()
    }

    @Test func malformedAndInvalidRequestsAreRefusedAndCreateNothing() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let malformed = try post(bed, "/v1.44/containers/create", json: #"{"Image": "busybox", "Cmd": ["#)
        #expect(malformed.status == 400)
        #expect(malformed.text.contains("\"message\""))
        let badMemory = try post(bed, "/v1.44/containers/create", json: #"{"Image":"busybox","HostConfig":{"Memory":"lots"}}"#)
        #expect(badMemory.status == 400, "\(badMemory.text)")
        let tooSmall = try post(bed, "/v1.44/containers/create", json: #"{"Image":"busybox","HostConfig":{"Memory":1024}}"#)
        #expect(tooSmall.status == 400 && tooSmall.text.contains("Minimum memory limit allowed is 6MB"))
        let unknown = try post(bed, "/v1.44/containers/create", json: #"{"Image":"nosuch"}"#)
        #expect(unknown.status == 404 && unknown.text.contains("No such image: nosuch:latest"), "\(unknown.text)")
        let badPolicy = try post(bed, "/v1.44/containers/create", json: #"{"Image":"busybox","HostConfig":{"RestartPolicy":{"Name":"often"}}}"#)
        #expect(badPolicy.status == 400)
        let badCondition = try post(bed, "/v1.44/containers/nosuch/wait?condition=later", json: "")
        #expect(badCondition.status == 400 || badCondition.status == 404)
        let missing = try RawHTTPClient(socketPath: bed.socket).request("GET", "/v1.44/containers/nosuch/logs?stdout=1")
        #expect(missing.status == 404 && missing.text.contains("No such container: nosuch"), "\(missing.text)")
        let cli = try bed.docker(["run", "-m", "lots", "busybox", "true"])
        #expect(cli.status == 125 && cli.stderr.contains("invalid"), "\(cli.stderr)")
        #expect(try bed.docker(["ps", "-aq"]).stdout.isEmpty, "nothing was created")
    }

    @Test func vanishingClientsHarmNothing() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        // Half a request body, then gone.
        let half = try RawHTTPClient(socketPath: bed.socket)
        try half.send("POST /v1.44/containers/create HTTP/1.1\r\nHost: berth\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"Image\":\"busy")
        withExtendedLifetime(half) {}
        // A follower of logs and an attached client, killed mid-stream.
        try bed.docker(["run", "-d", "--name", "steady", "busybox", "sh", "-c", "while true; do echo tick; sleep 0.1; done"])
        let follower = SpawnedCommand.self
        _ = follower
        let killer = Thread {
            _ = SpawnedCommand.run(["/usr/local/bin/docker", "logs", "-f", "steady"],
                                   environment: ["DOCKER_HOST": "unix://\(bed.socket)", "DOCKER_CONFIG": bed.work.path + "/cfg"], timeout: 1)
            _ = SpawnedCommand.run(["/usr/local/bin/docker", "attach", "steady"],
                                   environment: ["DOCKER_HOST": "unix://\(bed.socket)", "DOCKER_CONFIG": bed.work.path + "/cfg"], timeout: 1)
        }
        killer.start()
        Thread.sleep(forTimeInterval: 2.5)
        #expect(try bed.docker(["inspect", "-f", "{{.State.Running}}", "steady"]).stdout == "true\n")
        #expect(try bed.docker(["ps", "-aq"]).stdout.split(separator: "\n").count == 1, "the half request created nothing")
        let run = try bed.docker(["run", "--rm", "busybox", "echo", "still fine"])
        #expect(run.status == 0 && run.stdout == "still fine\n")
        #expect(try bed.docker(["rm", "-f", "steady"]).status == 0)
    }
}

/// The attach endpoint's older form: no `Upgrade` header → `200 OK` and the raw stream until close.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root: real containers"))
struct AttachWithoutUpgradeRootTests {
    @Test func attachWithoutUpgradeStreamsAfter200() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let id = try bed.docker(["create", "busybox", "sh", "-c", "sleep 0.2; echo plain"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // The head comes at once, before the container starts.
        let (fd, headText) = try openStream(bed.socket, "POST /v1.44/containers/\(id)/attach?stream=1&stdout=1&stderr=1 HTTP/1.1\r\nHost: berth\r\nContent-Length: 0\r\n\r\n")
        defer { fd.close() }
        #expect(headText.hasPrefix("HTTP/1.1 200 OK"), "\(headText)")
        #expect(try bed.docker(["start", id]).status == 0)
        let body = (try? fd.readAll()) ?? []
        #expect(body == [1, 0, 0, 0, 0, 0, 0, 6] + Array("plain\n".utf8), "\(body)")
        #expect(try bed.docker(["rm", "-f", id]).status == 0)
    }
}

/// berthd itself honours detach keys on a terminal's input (for API clients
/// that do not, unlike the docker CLI, watch for them).
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root: real containers"))
struct DaemonDetachKeysRootTests {
    @Test func detachKeysEndTheStreamAndLeaveTheContainerRunning() throws {
        let bed = try ContainerTestBed()
        defer { bed.close() }
        let id = try bed.docker(["run", "-dit", "busybox", "sh"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let bad = try RawHTTPClient(socketPath: bed.socket).request("POST", "/v1.44/containers/\(id)/attach?stream=1&stdin=1&detachKeys=ctrl-%3F%3F")
        #expect(bad.status == 400 && bad.text.contains("Invalid detach keys"), "\(bad.text)")
        // Like a real client: the upgrade answer first, then keys.
        let (fd, head) = try openStream(bed.socket, "POST /v1.44/containers/\(id)/attach?stream=1&stdin=1&stdout=1&detachKeys=ctrl-x,y HTTP/1.1\r\nHost: berth\r\nUpgrade: tcp\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n")
        defer { fd.close() }
        #expect(head.hasPrefix("HTTP/1.1 101 UPGRADED"))
        try fd.writeAll([UInt8]("echo detach-$((2+3))\n".utf8) + [0x18, 0x79])
        _ = try? fd.readAll()  // ends when berthd closes the stream at the keys
        #expect(try bed.docker(["inspect", "-f", "{{.State.Running}}", id]).stdout == "true\n", "the container kept running")
        var echoed = false
        for _ in 0..<50 where !echoed {
            echoed = try bed.docker(["logs", id]).stdout.contains("detach-5")
            if !echoed { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(echoed, "input before the keys reached the shell")
    }
}

/// Sends a raw request and reads the response head byte by byte (so no stream
/// byte is consumed); the socket times out reads after 20 s.
func openStream(_ socket: String, _ request: String) throws -> (FileDescriptor, String) {
    let fd = try Terminal.connectUnix(socket)
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(fd.rawValue, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    try fd.writeAll(request)
    var head: [UInt8] = []
    var byte: UInt8 = 0
    while !head.suffix(4).elementsEqual([13, 10, 13, 10]), read(fd.rawValue, &byte, 1) == 1 { head.append(byte) }
    return (fd, String(decoding: head, as: UTF8.self))
}
