import Glibc
import LinuxSys

extension EngineConnection {
    /// Sends a request asking to upgrade the connection (`Connection: Upgrade`,
    /// `Upgrade: tcp`), as attach and exec start do. On `101` the socket becomes
    /// a raw two-way pipe: read the bytes that came with the head from
    /// `takeBufferedBytes()`, then use `fd` directly. Any other status is
    /// returned with its body read (an error).
    public func hijack(
        _ method: String, _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = []
    ) throws(ClientError) -> EngineResponse {
        var all = headers + [("Connection", "Upgrade"), ("Upgrade", "tcp")]
        if body == nil { all.append(("Content-Type", "text/plain")) }
        var response = try start(method, path, body: body.map { .bytes($0) } ?? .none, headers: all)
        if response.status != 101 {
            response.body = try readRemainingBody()
        }
        return response
    }

    /// Bytes already read past the response head (the start of a hijacked stream).
    public func takeBufferedBytes() -> [UInt8] {
        let bytes = buffer
        buffer = []
        return bytes
    }

    /// Half-closes the socket: tells the daemon stdin is finished while output keeps flowing.
    public func closeWrite() {
        _ = shutdown(fd.rawValue, Int32(SHUT_WR))
    }
}
