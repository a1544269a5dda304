import BerthTestSupport
import BerthAPI
import Foundation
import Logging
import Testing

@Suite(.serialized) struct APIServerTests {
    @Test func headPingHasHeadersAndNoBodyThenGetOnSameConnection() async throws {
        try await withTestServer { path, _ in
            let (head, get) = try await offPool {
                let client = try RawHTTPClient(socketPath: path)
                let head = try client.request("HEAD", "/_ping")
                let get = try client.request("GET", "/_ping")
                return (head, get)
            }
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Api-Version") == "1.44")
            #expect(head.header("Docker-Experimental") == "false")
            #expect(head.header("Ostype") == "linux")
            #expect(head.header("Server") == "Berth/9.9.9 (linux)")
            #expect(head.header("Builder-Version") == "1")
            #expect(head.header("Cache-Control") == "no-cache, no-store, must-revalidate")
            #expect(head.header("Pragma") == "no-cache")
            #expect(head.header("Content-Length") == "0")
            #expect(head.header("Date")?.hasSuffix(" GMT") == true)
            #expect(get.status == 200)
            #expect(get.text == "OK")
        }
    }

    @Test func versionIsJSONWithTrailingNewline() async throws {
        try await withTestServer { path, _ in
            let response = try await offPool { try RawHTTPClient(socketPath: path).request("GET", "/v1.44/version") }
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.text.hasSuffix("}\n"))
            let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect(object?["ApiVersion"] as? String == "1.44")
            #expect(object?["MinAPIVersion"] as? String == "1.24")
            #expect(object?["Version"] as? String == "9.9.9")
        }
    }

    @Test func errorsCarryStandardHeaders() async throws {
        try await withTestServer { path, _ in
            let (notFound, tooNew) = try await offPool {
                let client = try RawHTTPClient(socketPath: path)
                return (try client.request("GET", "/v1.44/containers/json"), try client.request("GET", "/v1.99/version"))
            }
            #expect(notFound.status == 404)
            #expect(notFound.text == #"{"message":"page not found"}"# + "\n")
            #expect(notFound.header("Api-Version") == "1.44")
            #expect(tooNew.status == 400)
            #expect(tooNew.text == #"{"message":"client version 1.99 is too new. Maximum supported API version is 1.44"}"# + "\n")
        }
    }

    @Test func pipelinedRequestsAnsweredInOrder() async throws {
        try await withTestServer { path, _ in
            let responses = try await offPool {
                let client = try RawHTTPClient(socketPath: path)
                try client.send(
                    "GET /slow HTTP/1.1\r\nHost: b\r\n\r\nGET /_ping HTTP/1.1\r\nHost: b\r\n\r\nGET /version HTTP/1.1\r\nHost: b\r\n\r\n"
                )
                return [try client.readResponse(), try client.readResponse(), try client.readResponse()]
            }
            #expect(responses.map(\.status) == [200, 200, 200])
            #expect(responses[0].text == "slow done")
            #expect(responses[1].text == "OK")
            #expect(responses[2].text.contains("\"ApiVersion\":\"1.44\""))
        }
    }

    @Test func contentLengthAndChunkedBodies() async throws {
        try await withTestServer { path, _ in
            let (plain, chunked) = try await offPool {
                let client = try RawHTTPClient(socketPath: path)
                try client.send("POST /echo HTTP/1.1\r\nHost: b\r\nContent-Length: 5\r\n\r\nhello")
                let plain = try client.readResponse()
                try client.send(
                    "POST /echo HTTP/1.1\r\nHost: b\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nberth\r\n2\r\n!!\r\n0\r\n\r\n"
                        .replacingOccurrences(of: "4\r\nberth", with: "5\r\nberth")
                )
                return (plain, try client.readResponse())
            }
            #expect(plain.text == "hello")
            #expect(chunked.text == "berth!!")
        }
    }

    @Test func streamingResponseIsChunked() async throws {
        try await withTestServer { path, _ in
            let response = try await offPool { try RawHTTPClient(socketPath: path).request("GET", "/stream") }
            #expect(response.status == 200)
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.chunks.count == 3)
            #expect(response.text == "{\"word\":\"a\"}\n{\"word\":\"b\"}\n{\"word\":\"c\"}\n")
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withTestServer { path, _ in
            let response = try await offPool {
                try RawHTTPClient(socketPath: path).request("GET", "/_ping", headers: ["Connection: close"])
            }
            #expect(response.header("Connection") == "close")
            #expect(response.text == "OK")
        }
    }

    @Test func halfRequestThenDisconnectHarmsNothing() async throws {
        try await withTestServer { path, _ in
            let response = try await offPool {
                for partial in ["GET /_pi", "POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort", "garbage\r\n\r\n"] {
                    let client = try RawHTTPClient(socketPath: path)
                    try client.send(partial)
                }
                return try RawHTTPClient(socketPath: path).request("GET", "/_ping")
            }
            #expect(response.status == 200)
            #expect(response.text == "OK")
        }
    }

    @Test func socketIsGroupOnly() async throws {
        try await withTestServer { path, _ in
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o660)
        }
    }

    @Test func refusesASocketSomeoneServes() async throws {
        try await withTestServer { path, _ in
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            await #expect(throws: APIServerError.socketInUse(path: path)) {
                _ = try await APIServer.start(
                    APIServerConfiguration(socketPath: path, serverVersion: "x"),
                    router: Router(routes: []), logger: logger
                )
            }
        }
    }

    @Test func replacesAStaleSocket() async throws {
        let directory = try TemporaryDirectory(prefix: "berth-stale")
        let path = directory.path + "/stale.sock"
        try makeStaleSocket(at: path)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let server = try await APIServer.start(
            APIServerConfiguration(socketPath: path, serverVersion: "x"),
            router: Router([SystemRouter(backend: FakeSystemBackend())]), logger: logger
        )
        let response = try? await offPool { try RawHTTPClient(socketPath: path).request("GET", "/_ping") }
        await server.shutdown()
        #expect(response?.text == "OK")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesToReplaceARegularFile() async throws {
        let directory = try TemporaryDirectory(prefix: "berth-file")
        let path = directory.path + "/not-a-socket"
        _ = FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        await #expect(throws: APIServerError.notASocket(path: path)) {
            _ = try await APIServer.start(
                APIServerConfiguration(socketPath: path, serverVersion: "x"), router: Router(routes: []), logger: logger
            )
        }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
    }

    @Test func shutdownClosesIdleKeepAliveConnectionsAtOnce() async throws {
        try await withTestServer(grace: .seconds(10)) { path, server in
            let client = try await offPool { () -> RawHTTPClient in
                let client = try RawHTTPClient(socketPath: path)
                _ = try client.request("GET", "/_ping")
                return client
            }
            let started = ContinuousClock.now
            await server.shutdown()
            #expect(ContinuousClock.now - started < .seconds(2))
            #expect(throws: (any Error).self) { _ = try client.request("GET", "/_ping") }
        }
    }

    @Test func shutdownFinishesInFlightRequestsAndRemovesSocket() async throws {
        try await withTestServer { path, server in
            let client = try await offPool { () -> RawHTTPClient in
                let client = try RawHTTPClient(socketPath: path)
                try client.send("GET /slow HTTP/1.1\r\nHost: b\r\n\r\n")
                return client
            }
            try await Task.sleep(for: .milliseconds(200))
            async let stopped: Void = server.shutdown()
            let response = try await offPool { try client.readResponse() }
            await stopped
            #expect(response.status == 200)
            #expect(response.text == "slow done")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}

/// Binds a Unix socket and closes it without unlinking: what a crashed daemon leaves.
private func makeStaleSocket(at path: String) throws {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (index, byte) in bytes.enumerated() { raw[index] = byte }
        raw[bytes.count] = 0
    }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    if result != 0 { throw CocoaError(.fileWriteUnknown) }
}
