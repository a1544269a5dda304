import Testing

@testable import BerthAPI

@Suite struct QueryParametersTests {
    @Test func decodesPairs() {
        let target = RequestTarget("/v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest&message=imp+msg&x")
        #expect(target.path == "/v1.44/images/create")
        #expect(target.query["fromImage"] == "docker.io/library/busybox")
        #expect(target.query["message"] == "imp msg")
        #expect(target.query["x"] == "")
        #expect(target.query["missing"] == nil)
    }

    @Test func decodesPath() {
        #expect(RequestTarget("/containers/a%20b/json").path == "/containers/a b/json")
        #expect(RequestTarget("/bad%zzescape").path == "/bad%zzescape")
    }

    @Test(arguments: [("1", true), ("true", true), ("yes", true), ("0", false), ("false", false), ("no", false), ("none", false), ("", false)])
    func booleansFollowDocker(value: String, expected: Bool) {
        #expect(QueryParameters(rawQuery: "all=\(value)").bool("all") == expected)
    }

    @Test func absentBooleanIsFalse() {
        #expect(!QueryParameters(rawQuery: "").bool("all"))
    }

    @Test func integers() throws {
        let query = QueryParameters(rawQuery: "t=10&bad=x")
        #expect(try query.int("t") == 10)
        #expect(try query.int("none") == nil)
        #expect(throws: APIError.self) { try query.int("bad") }
    }
}
