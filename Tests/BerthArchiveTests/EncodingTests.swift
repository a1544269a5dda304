@testable import BerthArchive
import Testing

@Suite struct NumericFieldTests {
    @Test(arguments: [
        ("0000644\0", Int64(0o644)),
        ("  755 \0", Int64(0o755)),
        ("\0\0\0\0\0\0\0\0", Int64(0)),
        ("00000001750\0", Int64(1000)),
    ])
    func parsesOctal(field: String, expected: Int64) {
        #expect(NumericField.parse(ArraySlice(Array(field.utf8))) == expected)
    }

    @Test func rejectsGarbage() {
        #expect(NumericField.parse(ArraySlice(Array("12x4\0".utf8))) == nil)
    }

    @Test(arguments: [Int64(0), 0o7777777, 0o10000000, 1 << 40, Int64.max, -1, -(1 << 40)])
    func base256RoundTrips(value: Int64) throws {
        let bytes = try #require(NumericField.format(value, width: 12))
        #expect(bytes.count == 12)
        #expect(NumericField.parse(ArraySlice(bytes)) == value)
    }

    @Test func octalWhenItFits() throws {
        let bytes = try #require(NumericField.format(0o644, width: 8))
        #expect(bytes == Array("0000644\0".utf8))
    }
}

@Suite struct PAXRecordsTests {
    @Test(arguments: ["a", String(repeating: "x", count: 90), String(repeating: "y", count: 995)])
    func lengthsAreSelfConsistent(value: String) throws {
        let body = PAXRecords.encode(["path": Array(value.utf8)])
        let parsed = try PAXRecords.parse(body).get()
        #expect(parsed.count == 1)
        #expect(parsed.first?.key == "path")
        #expect(parsed.first?.value == Array(value.utf8))
    }

    @Test(arguments: ["5 a=b\n", "30 path=short\n", "abc\n", "6 ab\n"])
    func rejectsMalformed(body: String) {
        if case .success = PAXRecords.parse(Array(body.utf8)) { Issue.record("accepted \(body)") }
    }

    @Test(arguments: [
        ("1700000000", TarTimestamp(seconds: 1_700_000_000)),
        ("1700000000.5", TarTimestamp(seconds: 1_700_000_000, nanoseconds: 500_000_000)),
        ("1.000000001", TarTimestamp(seconds: 1, nanoseconds: 1)),
        ("-1.25", TarTimestamp(seconds: -2, nanoseconds: 750_000_000)),
    ])
    func parsesTimes(text: String, expected: TarTimestamp) {
        #expect(TarReader<MemoryByteSource>.parseTime(text) == expected)
        #expect(HeaderEncoder.formatTime(expected) == text)
    }

    @Test(arguments: [
        ("short", true), (String(repeating: "d/", count: 60) + "file", true),
        (String(repeating: "x", count: 101), false), ("caf\u{e9}", false),
    ])
    func ustarNameSplitting(name: String, fits: Bool) {
        #expect((HeaderEncoder.splitName(name) != nil) == fits)
    }
}
