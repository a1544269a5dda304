import Glibc
import LinuxSys

/// A blocking HTTP/1.1 connection to an engine's Unix socket: what the CLI
/// needs (a few sequential requests) without an event loop, so `berth`
/// starts and finishes fast. Keep-alive, Content-Length and chunked bodies.
public final class EngineConnection {
    let fd: FileDescriptor
    private var buffer: [UInt8] = []
    let socketPath: String

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
        var head = "\(method) \(path) HTTP/1.1\r\nHost: berth\r\nUser-Agent: Berth-Client/0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body {
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) { head += "Content-Type: application/json\r\n" }
            head += "Content-Length: \(body.count)\r\n"
        } else if method == "POST" || method == "PUT" {
            head += "Content-Length: 0\r\n"
        }
        head += "\r\n"
        do {
            try fd.writeAll(Array(head.utf8) + (body ?? []))
        } catch {
            throw ClientError("send request to \(socketPath): \(error)")
        }
        return try readResponse(method: method)
    }

    private func readResponse(method: String) throws(ClientError) -> EngineResponse {
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
        let response = EngineResponse(status: status, headers: headers, body: [])
        if method == "HEAD" || status == 204 || status == 304 || (100..<200).contains(status) { return response }
        var result = response
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            result.body = try readChunked()
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            result.body = try readExactly(length)
        } else {
            result.body = try readToEnd()
        }
        return result
    }

    private func fill() throws(ClientError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { raw in Glibc.read(fd.rawValue, raw.baseAddress, raw.count) }
        if count < 0 {
            if errno == EINTR { return true }
            throw ClientError("read from the daemon: \(SystemError("read").reason)")
        }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func readUntilBlankLine() throws(ClientError) -> [UInt8] {
        while true {
            if let end = findTerminator() {
                let head = Array(buffer[0..<end])
                buffer.removeFirst(end + 4)
                return head
            }
            guard try fill() else { throw ClientError("the daemon closed the connection") }
        }
    }

    private func findTerminator() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
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

    private func readExactly(_ count: Int) throws(ClientError) -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw ClientError("the daemon closed the connection mid-response") }
        }
        let result = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return result
    }

    private func readChunked() throws(ClientError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                throw ClientError("malformed chunk size: \(sizeLine)")
            }
            if size == 0 {
                _ = try readLine()
                return body
            }
            body.append(contentsOf: try readExactly(size))
            _ = try readLine()
        }
    }

    private func readToEnd() throws(ClientError) -> [UInt8] {
        while try fill() {}
        let result = buffer
        buffer = []
        return result
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
