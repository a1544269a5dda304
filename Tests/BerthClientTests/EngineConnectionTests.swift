@testable import BerthClient
import Foundation
import Glibc
import Testing

/// Guards the CLI's HTTP client: Content-Length and chunked bodies, HEAD,
/// keep-alive across requests, and a clear error when no daemon listens.
@Suite struct EngineConnectionTests {
    /// A one-connection server answering each request with the next canned response.
    static func serve(_ responses: [String], at path: String) throws -> Thread {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let size = socklen_t(MemoryLayout<sockaddr_un>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        guard bound == 0, listen(fd, 1) == 0 else { throw ClientError("cannot listen at \(path)") }
        let thread = Thread {
            let connection = accept(fd, nil, nil)
            var buffer = [UInt8](repeating: 0, count: 65536)
            for response in responses {
                // Read one request head (the tests send no bodies).
                var request: [UInt8] = []
                while !request.suffix(4).elementsEqual([13, 10, 13, 10]) {
                    let count = read(connection, &buffer, 1)
                    if count <= 0 { break }
                    request.append(buffer[0])
                }
                _ = response.withCString { write(connection, $0, strlen($0)) }
            }
            close(connection)
            close(fd)
        }
        thread.start()
        return thread
    }

    @Test func parsesLengthChunkedAndHead() throws {
        let path = NSTemporaryDirectory() + "berth-client-\(UUID().uuidString.prefix(8)).sock"
        defer { unlink(path) }
        _ = try Self.serve([
            "HTTP/1.1 200 OK\r\nApi-Version: 1.44\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"Version\":\"1\"}\n",
            "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"mes\r\n17\r\nsage\":\"page not found\"}\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nApi-Version: 1.44\r\nContent-Length: 2\r\n\r\n",
        ], at: path)
        let connection = try EngineConnection(host: "unix://" + path)
        let version = try connection.request("GET", "/v1.44/version")
        #expect(version.status == 200)
        #expect(version.header("api-version") == "1.44")
        #expect(version.text == "{\"Version\":\"1\"}\n")
        let missing = try connection.request("GET", "/v1.44/nope")
        #expect(missing.status == 404)
        #expect(missing.text == "{\"message\":\"page not found\"}")
        let ping = try connection.request("HEAD", "/_ping")
        #expect(ping.status == 200 && ping.body.isEmpty)
    }

    @Test func noDaemonIsAClearError() {
        #expect(throws: ClientError.self) { try EngineConnection(host: "unix:///nonexistent/berth.sock") }
        do { _ = try EngineConnection(host: "unix:///nonexistent/berth.sock") } catch {
            #expect(error.message.contains("Is berthd running?"))
        }
    }
}
