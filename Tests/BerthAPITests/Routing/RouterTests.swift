import NIOCore
import NIOHTTP1
import Testing

@testable import BerthAPI

@Suite struct RouterTests {
    let router = Router(routes: [
        Route(.GET, "/containers/{id}/json") { request in
            .text("container \(try request.parameter("id")) v\(request.version)")
        },
        Route(.GET, "/images/{name:.*}/json") { request in .text("image \(try request.parameter("name"))") },
        Route(.POST, "/containers/{id}/start") { _ in throw APIError.notModified },
        Route(.GET, "/fail") { _ in throw APIError.conflict("busy") },
    ])

    private func call(_ method: HTTPMethod, _ uri: String) async -> (Int, String) {
        let response = await router.respond(method: method, uri: uri, headers: [:], body: ByteBuffer())
        guard case .bytes(let buffer) = response.body else { return (Int(response.status.code), "") }
        return (Int(response.status.code), String(buffer: buffer))
    }

    @Test(arguments: [
        ("/containers/abc/json", "container abc v1.44"),
        ("/v1.24/containers/abc/json", "container abc v1.24"),
        ("/v1.41/containers/my%20box/json", "container my box v1.41"),
        ("/images/docker.io/library/busybox/json", "image docker.io/library/busybox"),
    ])
    func dispatchesWithParameters(uri: String, body: String) async {
        let (status, text) = await call(.GET, uri)
        #expect(status == 200)
        #expect(text == body)
    }

    @Test(arguments: [
        (HTTPMethod.GET, "/nothing/here"), (.GET, "/v1.44/nothing"), (.DELETE, "/containers/abc/json"),
        (.GET, "/v1.99/nothing"), (.GET, "/v1.44"),
    ])
    func unknownPathOrMethodIsPageNotFound(method: HTTPMethod, uri: String) async {
        let (status, text) = await call(method, uri)
        #expect(status == 404)
        #expect(text == #"{"message":"page not found"}"# + "\n")
    }

    @Test func versionCheckedOnlyOnKnownRoutes() async {
        let (status, text) = await call(.GET, "/v1.99/containers/abc/json")
        #expect(status == 400)
        #expect(text.contains("client version 1.99 is too new. Maximum supported API version is 1.44"))
        let (oldStatus, oldText) = await call(.GET, "/v1.12/containers/abc/json")
        #expect(oldStatus == 400)
        #expect(oldText.contains("client version 1.12 is too old"))
    }

    @Test func thrownErrorsBecomeResponses() async {
        #expect(await call(.GET, "/fail") == (409, #"{"message":"busy"}"# + "\n"))
        #expect(await call(.POST, "/containers/x/start").0 == 304)
    }
}
