import LinuxSys
import BerthShim
import Foundation
import Testing

@Suite struct LogFormatTests {
    /// Feeds chunks and collects the messages a splitter emits.
    func split(_ chunks: [String], limit: Int = LineSplitter.maximumPartial) -> [String] {
        var splitter = LineSplitter(limit: limit)
        var messages: [String] = []
        for chunk in chunks {
            Array(chunk.utf8).withUnsafeBytes { raw in
                splitter.feed(raw) { messages.append(String(decoding: $0, as: UTF8.self)) }
            }
        }
        splitter.flush { messages.append(String(decoding: $0, as: UTF8.self)) }
        return messages
    }

    @Test(arguments: [
        (["a\nb\n"], ["a\n", "b\n"]),
        (["par", "tial\nnext"], ["partial\n", "next"]),
        (["\n\n"], ["\n", "\n"]),
        (["no newline"], ["no newline"]),
        ([String](), [String]()),
    ])
    func splitsAtNewlines(chunks: [String], expected: [String]) {
        #expect(split(chunks) == expected)
    }

    @Test func flushesLongPartialLinesAtTheLimit() {
        #expect(split(["abcdefghij\n"], limit: 4) == ["abcd", "efgh", "ij\n"])
        let long = String(repeating: "x", count: LineSplitter.maximumPartial + 10)
        #expect(split([long]).map(\.count) == [LineSplitter.maximumPartial, 10])
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("quote\" back\\", #"quote\" back\\"#),
        ("tab\tnl\ncr\r", #"tab\tnl\ncr\r"#),
        ("\u{1}\u{1f}", #"\u0001\u001f"#),
        ("<a&b>", #"\u003ca\u0026b\u003e"#),
        ("é\u{2028}\u{2029}", #"é\u2028\u2029"#),
    ])
    func escapesLikeGo(raw: String, escaped: String) {
        var output: [UInt8] = []
        JSONText.appendEscaped(Array(raw.utf8), to: &output)
        #expect(String(decoding: output, as: UTF8.self) == escaped)
    }

    @Test func replacesInvalidUTF8() {
        var output: [UInt8] = []
        JSONText.appendEscaped([0x61, 0xff, 0x62], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "a\u{FFFD}b")
    }

    @Test func formatsTimestampsWithNineFractionDigits() {
        #expect(RFC3339.format(seconds: 0, nanoseconds: 0) == "1970-01-01T00:00:00.000000000Z")
        #expect(RFC3339.format(seconds: 1_796_001_825, nanoseconds: 123_456_789) == "2026-11-30T01:23:45.123456789Z")
        #expect(Timestamp.now().wholeMatch(of: #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/#) != nil)
    }

    @Test func writesDockerJSONFileRecords() throws {
        let directory = NSTemporaryDirectory() + "berth-shim-log-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = JSONLogWriter(file: try RotatingLogFile(path: directory + "/c.log", maxSize: 0, maxFiles: 3))
        writer.write(Array("hello\n".utf8)[...], stream: "stdout", time: "2026-11-30T01:23:45.123456789Z")
        writer.write(Array("x\"y".utf8)[...], stream: "stderr", time: "2026-11-30T01:23:45.000000001Z")
        writer.close()
        let text = try String(contentsOfFile: directory + "/c.log", encoding: .utf8)
        #expect(text == """
            {"log":"hello\\n","stream":"stdout","time":"2026-11-30T01:23:45.123456789Z"}
            {"log":"x\\"y","stream":"stderr","time":"2026-11-30T01:23:45.000000001Z"}

            """)
    }

    @Test func rotatesKeepingMaxFiles() throws {
        let directory = NSTemporaryDirectory() + "berth-shim-rotate-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var file = try RotatingLogFile(path: directory + "/c.log", maxSize: 10, maxFiles: 3)
        for index in 0..<6 { try file.write(Array("record-\(index)\n".utf8)) }
        file.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == ["c.log", "c.log.1", "c.log.2"])
        #expect(try String(contentsOfFile: directory + "/c.log", encoding: .utf8) == "record-5\n")
        #expect(try String(contentsOfFile: directory + "/c.log.1", encoding: .utf8) == "record-4\n")
        #expect(try String(contentsOfFile: directory + "/c.log.2", encoding: .utf8) == "record-3\n")
    }

    @Test func truncatesWithOneFileAndContinuesAnExistingLog() throws {
        let directory = NSTemporaryDirectory() + "berth-shim-rotate-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var first = try RotatingLogFile(path: directory + "/c.log", maxSize: 20, maxFiles: 1)
        try first.write(Array("12345\n".utf8))
        first.close()
        var again = try RotatingLogFile(path: directory + "/c.log", maxSize: 20, maxFiles: 1)
        #expect(again.size == 6)
        try again.write(Array("abcdefghij\n".utf8))
        #expect(again.size == 17)
        try again.write(Array("zzzz\n".utf8))
        again.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["c.log"])
        #expect(try String(contentsOfFile: directory + "/c.log", encoding: .utf8) == "zzzz\n")
    }
}
