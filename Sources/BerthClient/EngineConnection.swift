import Glibc
import LinuxSys

/// A blocking HTTP/1.1 connection to an engine's Unix socket: what the CLI
/// needs (a few sequential requests) without an event loop, so `berth`
/// starts and finishes fast. Keep-alive, Content-Length and chunked bodies,
/// bodies read whole or part by part (logs -f, events), uploads streamed
/// from a descriptor, and hijacked (upgraded) streams for attach and exec.
public final class EngineConnection {
    /// The connected socket; after a hijack it is a raw two-way byte pipe.
    public let fd: FileDescriptor
    var buffer: [UInt8] = []
    var bodyState: BodyState = .done
    let socketPath: String

    /// How much of the current response body is still to be read.
    enum BodyState {
        case done
        case length(Int)
        case chunked(inChunk: Int)
        case toEnd
    }

    /// Connects to `unix:///path` or a bare path.
    public init(host: String) throws(ClientError) {
        let path = host.hasPrefix("unix://") ? String(host.dropFirst(7)) : host
        socketPath = path
        do { fd = try Terminal.connectUnix(path) } catch {
            throw ClientError("Cannot connect to the Berth daemon at unix://\(path). Is berthd running? (\(error.reason))")
        }
    }

    deinit { fd.close() }

    /// Sends one request and reads the whole response.
    public func request(
        _ method: String, _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = []
    ) throws(ClientError) -> EngineResponse {
        var response = try start(method, path, body: body.map { .bytes($0) } ?? .none, headers: headers)
        response.body = try readRemainingBody()
        return response
    }

    /// Sends a request and reads only the response head; read the body with
    /// `readBodyPart()` (streams such as logs -f and events) or `readRemainingBody()`.
    public func start(
        _ method: String, _ path: String, body: RequestBody = .none, headers: [(String, String)] = []
    ) throws(ClientError) -> EngineResponse {
        try sendRequest(method, path, body: body, headers: headers)
        let response = try readHead()
        if method == "HEAD" || response.status == 204 || response.status == 304 || (100..<200).contains(response.status) {
            bodyState = .done
        } else if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            bodyState = .chunked(inChunk: 0)
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            bodyState = .length(length)
        } else {
            bodyState = .toEnd
        }
        return response
    }

    func sendRequest(_ method: String, _ path: String, body: RequestBody, headers: [(String, String)]) throws(ClientError) {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: berth\r\nUser-Agent: Berth-Client/0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let hasType = headers.contains { $0.0.lowercased() == "content-type" }
        switch body {
        case .none:
            if method == "POST" || method == "PUT" { head += "Content-Length: 0\r\n" }
        case .bytes(let bytes):
            if !hasType { head += "Content-Type: application/json\r\n" }
            head += "Content-Length: \(bytes.count)\r\n"
        case .stream:
            if !hasType { head += "Content-Type: application/x-tar\r\n" }
            head += "Transfer-Encoding: chunked\r\n"
        }
        head += "\r\n"
        do {
            switch body {
            case .none: try fd.writeAll(Array(head.utf8))
            case .bytes(let bytes): try fd.writeAll(Array(head.utf8) + bytes)
            case .stream(let source):
                try fd.writeAll(Array(head.utf8))
                try sendChunked(from: source)
            }
        } catch {
            throw ClientError("send request to \(socketPath): \(error)")
        }
    }

    /// Copies `source` to the socket as chunked transfer encoding, ending with the last chunk.
    private func sendChunked(from source: FileDescriptor) throws(SystemError) {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { break }
            try fd.writeAll(Array(String(count, radix: 16).utf8) + [13, 10])
            try fd.writeAll(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            try fd.writeAll([13, 10])
        }
        try fd.writeAll(Array("0\r\n\r\n".utf8))
    }

    func readHead() throws(ClientError) -> EngineResponse {
        let headerBytes = try readUntilBlankLine()
        let lines = String(decoding: headerBytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true)
        guard let statusLine = lines.first else { throw ClientError("empty response from the daemon") }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { throw ClientError("malformed status line: \(statusLine)") }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces()))
        }
        return EngineResponse(status: status, headers: headers, body: [])
    }

    /// Reads the rest of the current response body.
    public func readRemainingBody() throws(ClientError) -> [UInt8] {
        var body: [UInt8] = []
        while let part = try readBodyPart() { body.append(contentsOf: part) }
        return body
    }

    /// The next piece of the current response body as it arrives, or nil at its end.
    public func readBodyPart() throws(ClientError) -> [UInt8]? {
        switch bodyState {
        case .done:
            return nil
        case .length(let remaining):
            if remaining == 0 { bodyState = .done; return nil }
            if buffer.isEmpty, try !fill() { throw ClientError("the daemon closed the connection mid-response") }
            let count = min(remaining, buffer.count)
            bodyState = .length(remaining - count)
            return take(count)
        case .toEnd:
            if buffer.isEmpty, try !fill() { bodyState = .done; return nil }
            return take(buffer.count)
        case .chunked(let inChunk):
            if inChunk > 0 {
                if buffer.isEmpty, try !fill() { throw ClientError("the daemon closed the connection mid-response") }
                let count = min(inChunk, buffer.count)
                let part = take(count)
                if count == inChunk {
                    _ = try readLine()
                    bodyState = .chunked(inChunk: 0)
                } else {
                    bodyState = .chunked(inChunk: inChunk - count)
                }
                return part
            }
            let sizeLine = try readLine()
            guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                throw ClientError("malformed chunk size: \(sizeLine)")
            }
            if size == 0 {
                _ = try readLine()
                bodyState = .done
                return nil
            }
            bodyState = .chunked(inChunk: size)
            return try readBodyPart()
        }
    }

    private func take(_ count: Int) -> [UInt8] {
        let part = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return part
    }

    func fill() throws(ClientError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in Glibc.read(fd.rawValue, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ClientError("read from the daemon: \(SystemError("read").reason)")
            }
            if count == 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private func readUntilBlankLine() throws(ClientError) -> [UInt8] {
        var searchFrom = 0
        while true {
            if let end = findTerminator(from: searchFrom) {
                let head = Array(buffer[0..<end])
                buffer.removeFirst(end + 4)
                return head
            }
            searchFrom = max(0, buffer.count - 3)
            guard try fill() else { throw ClientError("the daemon closed the connection") }
        }
    }

    private func findTerminator(from start: Int) -> Int? {
        guard buffer.count >= 4, start <= buffer.count - 4 else { return nil }
        for index in start...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func readLine() throws(ClientError) -> String {
        while true {
            if let index = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                let line = String(decoding: buffer[0..<index], as: UTF8.self)
                buffer.removeFirst(index + 2)
                return line
            }
            guard try fill() else { throw ClientError("the daemon closed the connection mid-response") }
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
