/// Parses and encodes the body of a PAX extended header: records of the form
/// "<length> <key>=<value>\n", where length counts the whole record in bytes.
enum PAXRecords {
    /// The records of a PAX body, in order; nil with a reason when malformed.
    static func parse(_ body: [UInt8]) -> Result<[(key: String, value: [UInt8])], PAXParseFailure> {
        var records: [(key: String, value: [UInt8])] = []
        var index = 0
        while index < body.count {
            if body[index] == 0 { break }  // Some writers NUL-pad the body.
            var length = 0
            var cursor = index
            while cursor < body.count, body[cursor] >= UInt8(ascii: "0"), body[cursor] <= UInt8(ascii: "9") {
                length = length * 10 + Int(body[cursor] - UInt8(ascii: "0"))
                guard length <= body.count else { return .failure(PAXParseFailure("record length beyond header")) }
                cursor += 1
            }
            guard cursor < body.count, body[cursor] == UInt8(ascii: " "), length > cursor - index + 1 else {
                return .failure(PAXParseFailure("record without a length"))
            }
            let end = index + length
            guard end <= body.count, body[end - 1] == UInt8(ascii: "\n") else {
                return .failure(PAXParseFailure("record length does not end at a newline"))
            }
            let content = body[(cursor + 1)..<(end - 1)]
            guard let equals = content.firstIndex(of: UInt8(ascii: "=")), equals > content.startIndex else {
                return .failure(PAXParseFailure("record without key=value"))
            }
            let key = String(decoding: content[content.startIndex..<equals], as: UTF8.self)
            records.append((key, Array(content[(equals + 1)...])))
            index = end
        }
        return .success(records)
    }

    /// The PAX body for `records`, sorted by key so identical input gives identical bytes.
    static func encode(_ records: [String: [UInt8]]) -> [UInt8] {
        var body: [UInt8] = []
        for key in records.keys.sorted() {
            guard let value = records[key] else { continue }
            let payload = 1 + key.utf8.count + 1 + value.count + 1  // " key=value\n"
            var length = payload + String(payload).utf8.count
            if String(length).utf8.count + payload != length { length = payload + String(length).utf8.count }
            body += Array(String(length).utf8)
            body.append(UInt8(ascii: " "))
            body += Array(key.utf8)
            body.append(UInt8(ascii: "="))
            body += value
            body.append(UInt8(ascii: "\n"))
        }
        return body
    }
}

/// Why a PAX body could not be parsed.
struct PAXParseFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
