import Testing

@testable import BerthAPI

@Suite struct RoutePatternTests {
    @Test(arguments: [
        ("/_ping", "/_ping", [String: String]()),
        ("/containers/{id}/json", "/containers/abc123/json", ["id": "abc123"]),
        ("/containers/{id}/json", "/containers/my name/json", ["id": "my name"]),
        ("/images/{name:.*}/json", "/images/busybox/json", ["name": "busybox"]),
        ("/images/{name:.*}/json", "/images/docker.io/library/busybox:1.36/json", ["name": "docker.io/library/busybox:1.36"]),
        ("/images/{name:.*}", "/images/docker.io/library/busybox", ["name": "docker.io/library/busybox"]),
        ("/exec/{id}/start", "/exec/e1/start", ["id": "e1"]),
    ])
    func matches(template: String, path: String, expected: [String: String]) {
        #expect(RoutePattern(template).match(path) == expected)
    }

    @Test(arguments: [
        ("/_ping", "/_ping/"),
        ("/_ping", "/ping"),
        ("/containers/{id}/json", "/containers//json"),
        ("/containers/{id}/json", "/containers/a/b/json"),
        ("/containers/{id}/json", "/containers/abc"),
        ("/images/{name:.*}/json", "/images/json"),
        ("/version", "/"),
    ])
    func rejects(template: String, path: String) {
        #expect(RoutePattern(template).match(path) == nil)
    }
}
