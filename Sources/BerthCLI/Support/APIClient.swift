import BerthClient
import Glibc
import OCI

/// The CLI's view of the engine: resolves the host (`-H`, `BERTH_HOST`,
/// `DOCKER_HOST`, default socket), negotiates the API version with one
/// `HEAD /_ping`, keeps one keep-alive connection for sequential calls and
/// opens extra ones for hijacked streams and long polls. Daemon errors come
/// back as `DaemonError`.
final class APIClient {
    /// The API version berth speaks, unless the daemon's is lower.
    static let maxVersion = "1.44"
    /// The socket URL, `unix:///path`.
    let host: String
    private var shared: EngineConnection?
    private(set) var version = APIClient.maxVersion

    init() {
        host = Self.resolveHost()
    }

    /// `-H` (stored in BERTH_HOST by the entry point), else `BERTH_HOST`, else `DOCKER_HOST`, else the default.
    static func resolveHost() -> String {
        for name in ["BERTH_HOST", "DOCKER_HOST"] {
            if let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        return "unix:///run/berth/berth.sock"
    }

    /// The path prefix for versioned endpoints, e.g. `/v1.44`.
    var prefix: String { "/v" + version }

    /// The shared connection, pinged (and the version negotiated) on first use.
    func connection() throws -> EngineConnection {
        if let shared { return shared }
        let connection = try EngineConnection(host: host)
        shared = connection
        var ping = try connection.request("HEAD", "/_ping")
        if ping.status == 404 || ping.status == 405 { ping = try connection.request("GET", "/_ping") }
        if let advertised = ping.header("Api-Version"), Self.isLower(advertised, than: Self.maxVersion) {
            version = advertised
        }
        return connection
    }

    /// A fresh connection for a hijacked stream or a request that blocks (wait, attach).
    func newConnection() throws -> EngineConnection {
        _ = try connection()
        return try EngineConnection(host: host)
    }

    /// Sends a versioned request on the shared connection and returns the response, errors included.
    func send(
        _ method: String, _ path: String, query: QueryString = QueryString(), body: JSONValue? = nil,
        headers: [(String, String)] = []
    ) throws -> EngineResponse {
        let connection = try connection()
        let bytes = body.map { Array((GoJSON.compact($0) + "\n").utf8) }
        return try connection.request(method, prefix + path + query.encoded, body: bytes, headers: headers)
    }

    /// Sends a request; a 4xx/5xx becomes `DaemonError`; returns the response otherwise.
    @discardableResult
    func call(
        _ method: String, _ path: String, query: QueryString = QueryString(), body: JSONValue? = nil
    ) throws -> EngineResponse {
        let response = try send(method, path, query: query, body: body)
        try Self.check(response)
        return response
    }

    /// Sends a request and decodes its JSON body.
    func json(_ method: String, _ path: String, query: QueryString = QueryString(), body: JSONValue? = nil) throws -> JSONValue {
        let response = try call(method, path, query: query, body: body)
        return try Self.decode(response.body)
    }

    /// Decodes a JSON body (empty is `null`).
    static func decode(_ bytes: [UInt8]) throws -> JSONValue {
        if bytes.allSatisfy({ $0 == 10 || $0 == 13 || $0 == 32 }) { return .null }
        do { return try JSONParser.parse(trimmed(bytes)) } catch {
            throw CLIError("Error reading JSON: \(error.description)")
        }
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 10 || bytes[end - 1] == 13 || bytes[end - 1] == 32 { end -= 1 }
        return Array(bytes[0..<end])
    }

    /// Throws the daemon's error for a 4xx/5xx response.
    static func check(_ response: EngineResponse) throws {
        guard response.status >= 400 else { return }
        throw daemonError(response)
    }

    /// The error a 4xx/5xx response carries (`{"message": …}` or plain text).
    static func daemonError(_ response: EngineResponse) -> DaemonError {
        let text = response.text.trimmingCharacters()
        if let value = try? JSONParser.parse(Array(text.utf8)), let message = value["message"]?.stringValue {
            return DaemonError(status: response.status, message: message)
        }
        if text.isEmpty || text.hasPrefix("{") {
            return DaemonError(status: response.status, message: "API returned a \(response.status) but provided no error-message")
        }
        return DaemonError(status: response.status, message: text)
    }

    /// Compares dotted versions numerically.
    static func isLower(_ left: String, than right: String) -> Bool {
        let a = left.split(separator: ".").map { Int($0) ?? 0 }, b = right.split(separator: ".").map { Int($0) ?? 0 }
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0, y = index < b.count ? b[index] : 0
            if x != y { return x < y }
        }
        return false
    }

    /// The path for a container: `/containers/<name>` with the name escaped.
    static func containerPath(_ name: String) -> String { "/containers/" + QueryString.escapePath(name) }
}
