@testable import BerthCLI
import Testing

/// Sizes, durations and times exactly as go-units and Go's time package print and parse them.
@Suite struct UnitsTests {
    static let humanSizes: [(Double, String)] = [
        (0, "0B"), (999, "999B"), (1000, "1kB"), (1_984_172, "1.98MB"), (4_260_000, "4.26MB"),
        (999_999, "1e+03kB"), (2_000_000_000, "2GB"),
    ]

    @Test(arguments: humanSizes)
    func humanSize(_ bytes: Double, _ expected: String) {
        #expect(Units.humanSize(bytes) == expected)
    }

    @Test func humanSizeWithFourDigits() {
        #expect(Units.humanSize(1986000, precision: 4) == "1.986MB")
    }

    static let durations: [(Double, String)] = [
        (0.5, "Less than a second"), (1, "1 second"), (59, "59 seconds"), (60, "About a minute"),
        (150, "2 minutes"), (3600, "About an hour"), (7200, "2 hours"), (259_200, "3 days"),
        (1_296_000, "2 weeks"), (6_048_000, "2 months"), (69_120_000, "2 years"),
    ]

    @Test(arguments: durations)
    func humanDuration(_ seconds: Double, _ expected: String) {
        #expect(Units.humanDuration(seconds: seconds) == expected)
    }

    static let sizes: [(String, Int64)] = [
        ("64m", 67_108_864), ("1g", 1_073_741_824), ("512k", 524_288), ("100", 100),
        ("1.5g", 1_610_612_736), ("64MB", 67_108_864), ("64MiB", 67_108_864),
    ]

    @Test(arguments: sizes)
    func ramInBytes(_ text: String, _ expected: Int64) {
        #expect(Units.ramInBytes(text) == expected)
    }

    @Test(arguments: ["", "x", "12q", "-1m"])
    func badSizesAreRejected(_ text: String) {
        #expect(Units.ramInBytes(text) == nil)
    }

    @Test func goDurations() {
        #expect(TimeFormat.parseGoDuration("1h30m") == 5400)
        #expect(TimeFormat.parseGoDuration("10s") == 10)
        #expect(TimeFormat.parseGoDuration("300ms") == 0.3)
        #expect(TimeFormat.parseGoDuration("abc") == nil)
    }

    @Test func apiTimestamps() {
        #expect(TimeFormat.apiTimestamp("10m", now: 1000) == "400.000000000")
        #expect(TimeFormat.apiTimestamp("1700000000") == "1700000000")
        #expect(TimeFormat.apiTimestamp("2023-11-14T22:13:20Z") == "1700000000.000000000")
    }

    @Test func rfc3339Parsing() {
        #expect(TimeFormat.parseRFC3339("2023-11-14T22:13:20.5Z") == 1700000000.5)
        #expect(TimeFormat.parseRFC3339("2023-11-14T23:13:20+01:00") == 1700000000)
    }
}
