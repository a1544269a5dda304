import Foundation
import Glibc

/// A deliberately simple blocking HTTP/1.1 client over a Unix socket, for tests that need
/// byte-level control (half requests, pipelining, chunked bodies). Reads time out after 5 s.
public final class RawHTTPClient: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A parsed response.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]
        /// The raw chunk sizes when the body was chunked.
        public let chunks: [Int]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(socketPath: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(socketPath.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in pathBytes.enumerated() where index < raw.count - 1 { raw[index] = byte }
            raw[min(pathBytes.count, raw.count - 1)] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw Failure(description: "connect \(socketPath) failed: errno \(errno)")
        }
    }

    deinit { Glibc.close(fd) }

    /// Sends raw bytes.
    public func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += written
        }
    }

    /// Sends a simple request with no body.
    public func request(_ method: String, _ path: String, headers: [String] = []) throws -> Response {
        let extra = headers.map { "\($0)\r\n" }.joined()
        try send("\(method) \(path) HTTP/1.1\r\nHost: berth\r\n\(extra)\r\n")
        return try readResponse(isHead: method == "HEAD")
    }

    /// Reads one response.
    public func readResponse(isHead: Bool = false) throws -> Response {
        let headerEnd = try readUntil([13, 10, 13, 10])
        let headText = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(headText)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let response = { (body: [UInt8], chunks: [Int]) in
            Response(status: status, headers: headers, body: body, chunks: chunks)
        }
        let lookup = { (name: String) in headers.first { $0.name.lowercased() == name }?.value }
        if isHead || status == 204 || status == 304 { return response([], []) }
        if let length = lookup("content-length").flatMap(Int.init) {
            try fill(length)
            let body = Array(buffer[..<length])
            buffer.removeFirst(length)
            return response(body, [])
        }
        if lookup("transfer-encoding")?.lowercased() == "chunked" {
            var body: [UInt8] = []
            var chunks: [Int] = []
            while true {
                let lineEnd = try readUntil([13, 10])
                let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self)
                buffer.removeFirst(lineEnd + 2)
                guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                    throw Failure(description: "bad chunk size \(sizeText)")
                }
                try fill(size + 2)
                if size == 0 {
                    buffer.removeFirst(2)
                    return response(body, chunks)
                }
                body += buffer[..<size]
                chunks.append(size)
                buffer.removeFirst(size + 2)
            }
        }
        while try readMore() {}
        defer { buffer.removeAll() }
        return response(buffer, [])
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        while true {
            if buffer.count >= marker.count {
                for start in 0...(buffer.count - marker.count) where Array(buffer[start..<start + marker.count]) == marker {
                    return start
                }
            }
            guard try readMore() else { throw Failure(description: "connection closed before \(marker)") }
        }
    }

    private func fill(_ count: Int) throws {
        while buffer.count < count {
            guard try readMore() else { throw Failure(description: "connection closed mid-body") }
        }
    }

    private func readMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw Failure(description: "recv failed: errno \(errno)") }
        if count == 0 { return false }
        buffer += chunk[..<count]
        return true
    }
}
