import BerthAPI
import Logging
import NIOCore

/// A canned system backend for server tests.
struct FakeSystemBackend: SystemBackend {
    func systemVersion() async throws -> SystemVersion {
        SystemVersion(engineVersion: "9.9.9", gitCommit: "abc", buildTime: "now", arch: "amd64", kernelVersion: "6.1")
    }

    func systemInfo() async throws -> SystemInfo {
        var info = SystemInfo(id: "test-id")
        info.serverVersion = "9.9.9"
        return info
    }
}

/// Extra routes that exercise bodies, streaming and slow handlers.
struct TestRoutes: APIRouter {
    var routes: [Route] {
        [
            Route(.POST, "/echo") { request in
                APIResponse(headers: ["Content-Type": "application/octet-stream"], body: .bytes(request.body))
            },
            Route(.GET, "/stream") { _ in
                .stream(contentType: "application/json") { writer in
                    for word in ["a", "b", "c"] {
                        try await writer.writeJSONLine(["word": word])
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
            },
            Route(.GET, "/slow") { _ in
                try await Task.sleep(for: .milliseconds(800))
                return .text("slow done")
            },
        ]
    }
}

/// Starts an API server on a socket in a fresh temp dir, runs `body`, and always shuts the
/// server down and removes the directory, even when `body` throws.
func withTestServer(
    grace: Duration = .seconds(3), _ body: (_ socketPath: String, _ server: APIServer) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory(prefix: "berth-api")
    let path = directory.path + "/api.sock"
    let router = Router([SystemRouter(backend: FakeSystemBackend()), TestRoutes()])
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let server = try await APIServer.start(
        APIServerConfiguration(socketPath: path, serverVersion: "9.9.9", shutdownGrace: grace), router: router,
        logger: logger
    )
    do {
        try await body(path, server)
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
    withExtendedLifetime(directory) {}
}
