import Foundation
import OCI

/// Reads a container's json-file log (the live file and its rotations) as
/// records, and follows the live file across rotations.
struct JSONLogReader {
    /// One record of the log.
    struct Record {
        let stream: String
        let message: [UInt8]
        let time: String
    }

    let path: String

    /// The rotated files oldest first, then the live one.
    func files() -> [String] {
        var files: [String] = []
        for index in stride(from: 9, through: 1, by: -1) where FileManager.default.fileExists(atPath: "\(path).\(index)") {
            files.append("\(path).\(index)")
        }
        files.append(path)
        return files
    }

    /// Parses complete lines of `bytes`; returns the records and how many bytes were consumed.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (records: [Record], consumed: Int) {
        var records: [Record] = []
        var start = bytes.startIndex
        var consumed = 0
        while let newline = bytes[start...].firstIndex(of: 0x0a) {
            let line = bytes[start..<newline]
            if let entry = try? JSONParser.parse(String(decoding: line, as: UTF8.self)), let log = entry["log"]?.stringValue {
                records.append(Record(stream: entry["stream"]?.stringValue ?? "stdout", message: Array(log.utf8),
                                      time: entry["time"]?.stringValue ?? ""))
            }
            start = newline + 1
            consumed = start - bytes.startIndex
        }
        return (records, consumed)
    }

    /// Every record now in the log; with the live file's identity and size, to follow from there.
    func readAll() -> (records: [Record], liveHandle: FileHandle?, offset: UInt64) {
        var records: [Record] = []
        var handle: FileHandle?
        var offset: UInt64 = 0
        for file in files() {
            guard let opened = FileHandle(forReadingAtPath: file) else { continue }
            let data = (try? opened.readToEnd()) ?? Data()
            let parsed = Self.parse(ArraySlice(data))
            records += parsed.records
            if file == path {
                handle = opened
                offset = UInt64(parsed.consumed)
                try? opened.seek(toOffset: offset)
            } else {
                try? opened.close()
            }
        }
        return (records, handle, offset)
    }
}
