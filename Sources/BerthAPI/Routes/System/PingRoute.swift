import NIOHTTP1

/// `GET /_ping` and `HEAD /_ping`: the CLI's first request, from which it learns the API
/// version (via the standard headers). HEAD must never carry a body.
public enum PingRoute {
    /// The headers dockerd adds to ping answers. Berth has only the classic builder,
    /// so `Builder-Version` is 1 (dockerd 23+ with BuildKit says 2).
    static let headers: HTTPHeaders = [
        "Builder-Version": "1",
        "Cache-Control": "no-cache, no-store, must-revalidate",
        "Pragma": "no-cache",
    ]

    /// Both ping routes.
    public static let routes: [Route] = [
        Route(.GET, "/_ping") { _ in
            var response = APIResponse.text("OK")
            response.headers.add(contentsOf: headers)
            return response
        },
        Route(.HEAD, "/_ping") { _ in
            var response = APIResponse(headers: ["Content-Type": "text/plain; charset=utf-8"])
            response.headers.add(contentsOf: headers)
            return response
        },
    ]
}
