import Testing
@testable import BerthRuntime

// Guards signal parsing for `kill`: names with or without SIG, any case, numbers, RT offsets.
@Suite struct SignalNameTests {
    @Test(arguments: [
        ("TERM", 15), ("SIGTERM", 15), ("term", 15), ("sigkill", 9), ("15", 15), ("KILL", 9),
        ("HUP", 1), ("IOT", 6), ("WINCH", 28), ("64", 64), ("1", 1),
        ("RTMIN", 34), ("RTMIN+3", 37), ("SIGRTMIN+30", 64), ("RTMAX", 64), ("RTMAX-1", 63),
    ] as [(String, Int32)])
    func parses(text: String, number: Int32) {
        #expect(SignalName.parse(text) == number)
    }

    @Test(arguments: ["NOPE", "0", "65", "-1", "", "SIG", "RTMIN+31", "RTMAX+1", "RTMIN-1", "RTMIN+x"])
    func rejects(text: String) {
        #expect(SignalName.parse(text) == nil)
    }
}
