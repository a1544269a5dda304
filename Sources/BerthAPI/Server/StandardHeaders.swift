import NIOHTTP1

/// The headers dockerd puts on every response; the CLI negotiates its API version from
/// `Api-Version`, so no response may go out without them.
public struct StandardHeaders: Sendable {
    /// The daemon's version for `Server: Berth/<version> (linux)`.
    public let serverVersion: String
    /// The advertised API version.
    public let apiVersion: APIVersion

    /// Headers for a daemon of the given version.
    public init(serverVersion: String, apiVersion: APIVersion = .current) {
        self.serverVersion = serverVersion
        self.apiVersion = apiVersion
    }

    /// Adds the standard headers (with the current `Date`) to `headers`.
    public func apply(to headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: "Api-Version", value: apiVersion.text)
        headers.replaceOrAdd(name: "Docker-Experimental", value: "false")
        headers.replaceOrAdd(name: "Ostype", value: "linux")
        headers.replaceOrAdd(name: "Server", value: "Berth/\(serverVersion) (linux)")
        headers.replaceOrAdd(name: "Date", value: HTTPDate.now())
    }
}
