import LinuxSys
import Testing

/// Berth's own RFC 3339 formatting and parsing (Foundation's formatters load ICU).
@Suite struct RFC3339Tests {
    @Test func formatsWithChosenFractionDigits() {
        #expect(RFC3339.format(seconds: 0, nanoseconds: 0) == "1970-01-01T00:00:00.000000000Z")
        #expect(RFC3339.format(seconds: 1_796_000_000, nanoseconds: 123_456_789, fractionDigits: 3) == "2026-11-30T00:53:20.123Z")
        #expect(RFC3339.format(seconds: 1_796_000_000, nanoseconds: 5, fractionDigits: 0) == "2026-11-30T00:53:20Z")
    }

    @Test(arguments: [
        ("2026-11-30T00:53:20Z", 1_796_000_000 as Int64, 0),
        ("2026-11-30T00:53:20.5Z", 1_796_000_000, 500_000_000),
        ("2026-11-30T00:53:20.123456789Z", 1_796_000_000, 123_456_789),
        ("2026-11-30T01:53:20+01:00", 1_796_000_000, 0),
        ("2026-11-29T22:53:20-02:00", 1_796_000_000, 0),
    ])
    func parses(text: String, seconds: Int64, nanoseconds: Int) {
        let parsed = RFC3339.parse(text)
        #expect(parsed?.seconds == seconds)
        #expect(parsed?.nanoseconds == nanoseconds)
    }

    @Test(arguments: ["", "2026-11-29", "2026-11-29T22:13:20", "2026-11-29T22:13:20.1", "x026-11-29T22:13:20Z", "2026-11-29T22:13:20Zjunk"])
    func refuses(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func roundTripsNow() {
        let now = RFC3339.now()
        #expect(RFC3339.parse(now) != nil)
        #expect(now.utf8.count == 30)
    }
}
