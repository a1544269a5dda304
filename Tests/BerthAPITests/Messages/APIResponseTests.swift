import NIOCore
import Testing

@testable import BerthAPI

@Suite struct APIResponseTests {
    private func bodyText(_ response: APIResponse) -> String? {
        guard case .bytes(let buffer) = response.body else { return nil }
        return String(buffer: buffer)
    }

    @Test(arguments: [
        (APIError.notFound("No such container: x"), 404),
        (APIError.conflict("name in use"), 409),
        (APIError.badRequest("bad"), 400),
        (APIError.internalError("boom"), 500),
        (APIError.forbidden("no"), 403),
    ])
    func errorsAreDockerJSON(error: APIError, status: Int) {
        let response = APIResponse.error(error)
        #expect(response.status.code == UInt(status))
        #expect(response.headers["Content-Type"] == ["application/json"])
        #expect(bodyText(response) == #"{"message":"\#(error.message)"}"# + "\n")
    }

    @Test func notModifiedHasNoBody() {
        let response = APIResponse.error(APIError.notModified)
        #expect(response.status.code == 304)
        guard case .none = response.body else {
            Issue.record("304 must not have a body")
            return
        }
    }

    struct Unmapped: Error, CustomStringConvertible {
        var description: String { "disk on fire" }
    }

    @Test func otherErrorsAre500() {
        let response = APIResponse.error(Unmapped())
        #expect(response.status.code == 500)
        #expect(bodyText(response) == #"{"message":"disk on fire"}"# + "\n")
    }

    @Test func jsonHasTrailingNewlineAndSlashesUnescaped() throws {
        let response = try APIResponse.json(["Path": "/var/lib/berth"])
        #expect(bodyText(response) == #"{"Path":"/var/lib/berth"}"# + "\n")
    }

    @Test func messagesAreEscaped() {
        let response = APIResponse.error(APIError.notFound("quote \" and \\ back"))
        #expect(bodyText(response) == #"{"message":"quote \" and \\ back"}"# + "\n")
    }
}
