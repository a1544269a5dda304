import Testing

@testable import BerthAPI

@Suite struct VersionTests {
    @Test(arguments: [
        ("/v1.44/version", "1.44", "/version"),
        ("/v1.24/containers/abc/json", "1.24", "/containers/abc/json"),
        ("/v1/_ping", "1", "/_ping"),
        ("/version", nil, "/version"),
        ("/v1.44", nil, "/v1.44"),
        ("/vx.1/version", nil, "/vx.1/version"),
        ("/volumes/x", nil, "/volumes/x"),
        ("/v/version", nil, "/v/version"),
    ] as [(String, String?, String)])
    func splitsPrefix(path: String, version: String?, rest: String) {
        #expect(VersionedPath(path) == VersionedPath(version: version, path: rest))
    }

    @Test func comparesComponentWise() {
        #expect(APIVersion("1.9") < APIVersion("1.10"))
        #expect(APIVersion("1.44") == APIVersion("1.44.0"))
        #expect(APIVersion("1.45") > APIVersion.current)
        #expect(APIVersion("2") > APIVersion("1.99"))
    }

    @Test(arguments: ["1.24", "1.30", "1.41", "1.44"])
    func acceptsSupported(version: String) throws {
        #expect(try VersionPolicy.berth.resolve(version) == APIVersion(version))
    }

    @Test func unversionedSpeaksTheMaximum() throws {
        #expect(try VersionPolicy.berth.resolve(nil) == APIVersion.current)
    }

    @Test func tooNewIsDockerdsError() {
        #expect(throws: APIError.badRequest("client version 1.99 is too new. Maximum supported API version is 1.44")) {
            try VersionPolicy.berth.resolve("1.99")
        }
    }

    @Test func tooOldIsDockerdsError() {
        #expect(
            throws: APIError.badRequest(
                "client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"
            )
        ) { try VersionPolicy.berth.resolve("1.12") }
    }
}
