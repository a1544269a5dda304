/// Turns one TarEntry into header bytes: a ustar block, preceded by a PAX 'x'
/// header (and its body) for whatever ustar cannot hold exactly.
struct HeaderEncoder {
    typealias Field = HeaderBlock.Field
    let entry: TarEntry
    let subsecondTimes: Bool

    /// PAX keys the writer derives from TarEntry fields; others in `paxRecords` pass through.
    static let managedKeys: Set<String> = ["path", "linkpath", "size", "uid", "gid", "uname", "gname", "mtime"]

    /// The header bytes: [PAX header block, PAX body, padding,] ustar block.
    func encode() throws(TarError) -> [UInt8] {
        guard !entry.name.utf8.contains(0), !entry.linkName.utf8.contains(0) else {
            throw .unrepresentable(entry: entry.name, reason: "NUL byte in name or link name")
        }
        guard entry.size >= 0 else { throw .unrepresentable(entry: entry.name, reason: "negative size") }
        var records = entry.paxRecords.filter { key, _ in
            !Self.managedKeys.contains(key) && !key.hasPrefix("SCHILY.xattr.")
        }
        for (name, value) in entry.xattrs { records["SCHILY.xattr." + name] = value }

        var block = HeaderBlock()
        let (name, prefix) = Self.splitName(entry.name) ?? (Self.fallback(entry.name, width: 100), "")
        if Self.splitName(entry.name) == nil { records["path"] = Array(entry.name.utf8) }
        block.set(Field.name, Array(name.utf8))
        block.set(Field.prefix, Array(prefix.utf8))
        if Self.fitsText(entry.linkName, width: 100) {
            block.set(Field.linkName, Array(entry.linkName.utf8))
        } else {
            block.set(Field.linkName, Array(Self.fallback(entry.linkName, width: 100).utf8))
            records["linkpath"] = Array(entry.linkName.utf8)
        }
        setNumber(&block, Field.mode, Int64(entry.mode & 0o7777))
        setNumber(&block, Field.uid, entry.uid, paxKey: "uid", records: &records)
        setNumber(&block, Field.gid, entry.gid, paxKey: "gid", records: &records)
        setNumber(&block, Field.size, entry.size, paxKey: "size", records: &records)
        let time = entry.modificationTime
        if subsecondTimes, time.nanoseconds != 0 {
            records["mtime"] = Array(Self.formatTime(time).utf8)
        }
        setNumber(&block, Field.mtime, time.seconds, paxKey: "mtime", records: &records)
        setText(&block, Field.userName, entry.userName, paxKey: "uname", records: &records)
        setText(&block, Field.groupName, entry.groupName, paxKey: "gname", records: &records)
        block.bytes[Field.typeflag.0] = entry.type.typeflag
        block.set(Field.magic, Array("ustar\0".utf8))
        block.set(Field.version, Array("00".utf8))
        switch entry.type {
        case .characterDevice(let major, let minor), .blockDevice(let major, let minor):
            block.set(Field.devMajor, NumericField.format(Int64(major), width: 8) ?? [])
            block.set(Field.devMinor, NumericField.format(Int64(minor), width: 8) ?? [])
        default:
            block.set(Field.devMajor, NumericField.format(0, width: 8) ?? [])
            block.set(Field.devMinor, NumericField.format(0, width: 8) ?? [])
        }
        block.sealChecksum()
        guard !records.isEmpty else { return block.bytes }
        return paxHeader(records, ustarName: name, prefix: prefix) + block.bytes
    }

    /// The 'x' header block and padded body carrying `records`.
    func paxHeader(_ records: [String: [UInt8]], ustarName: String, prefix: String) -> [UInt8] {
        let body = PAXRecords.encode(records)
        var block = HeaderBlock()
        // Like Go's archive/tar: "<dir>/PaxHeaders.0/<base>", fixed so output is reproducible.
        let full = prefix.isEmpty ? ustarName : prefix + "/" + ustarName
        let slash = full.lastIndex(of: "/")
        let directory = slash.map { String(full[..<$0]) + "/" } ?? ""
        let base = slash.map { String(full[full.index(after: $0)...]) } ?? full
        block.set(Field.name, Array(Self.fallback(directory + "PaxHeaders.0/" + base, width: 100).utf8))
        block.set(Field.mode, NumericField.format(0o644, width: 8) ?? [])
        block.set(Field.uid, NumericField.format(0, width: 8) ?? [])
        block.set(Field.gid, NumericField.format(0, width: 8) ?? [])
        block.set(Field.size, NumericField.format(Int64(body.count), width: 12) ?? [])
        block.set(Field.mtime, NumericField.format(0, width: 12) ?? [])
        block.bytes[Field.typeflag.0] = UInt8(ascii: "x")
        block.set(Field.magic, Array("ustar\0".utf8))
        block.set(Field.version, Array("00".utf8))
        block.sealChecksum()
        let padding = Int(TarReader<MemoryByteSource>.padding(for: Int64(body.count)))
        return block.bytes + body + [UInt8](repeating: 0, count: padding)
    }

    /// Sets a numeric field as octal, or records it in PAX (field left 0) when it does not fit.
    func setNumber(_ block: inout HeaderBlock, _ field: (Int, Int), _ value: Int64, paxKey: String, records: inout [String: [UInt8]]) {
        if NumericField.fitsOctal(value, width: field.1) {
            setNumber(&block, field, value)
        } else {
            setNumber(&block, field, 0)
            if records[paxKey] == nil { records[paxKey] = Array(String(value).utf8) }
        }
    }

    func setNumber(_ block: inout HeaderBlock, _ field: (Int, Int), _ value: Int64) {
        block.set(field, NumericField.format(value, width: field.1) ?? [])
    }

    /// Sets a text field, or records it in PAX when it is too long or not ASCII.
    func setText(_ block: inout HeaderBlock, _ field: (Int, Int), _ value: String, paxKey: String, records: inout [String: [UInt8]]) {
        if Self.fitsText(value, width: field.1) {
            block.set(field, Array(value.utf8))
        } else {
            block.set(field, Array(Self.fallback(value, width: field.1).utf8))
            records[paxKey] = Array(value.utf8)
        }
    }

    /// Whether `text` fits a ustar field as-is: ASCII and at most `width` bytes.
    static func fitsText(_ text: String, width: Int) -> Bool {
        text.utf8.count <= width && text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Splits a path into ustar (name, prefix) when it fits, nil when PAX is needed.
    static func splitName(_ path: String) -> (String, String)? {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let bytes = Array(path.utf8)
        if bytes.count <= 100 { return (path, "") }
        guard bytes.count <= 256 else { return nil }
        // The prefix must be at most 155 bytes and end just before a '/'; the rest at most 100.
        for index in stride(from: min(155, bytes.count - 1), through: 1, by: -1) where bytes[index] == UInt8(ascii: "/") {
            let name = bytes[(index + 1)...]
            guard name.count <= 100, !name.isEmpty else { return nil }
            return (String(decoding: name, as: UTF8.self), String(decoding: bytes[..<index], as: UTF8.self))
        }
        return nil
    }

    /// An ASCII stand-in for a field whose real value is in PAX: non-ASCII bytes become '_', cut to width.
    static func fallback(_ text: String, width: Int) -> String {
        String(decoding: text.utf8.prefix(width).map { $0 < 0x80 ? $0 : UInt8(ascii: "_") }, as: UTF8.self)
    }

    /// A PAX time "seconds.nanoseconds" with trailing zeros dropped; negative times count down from zero.
    static func formatTime(_ time: TarTimestamp) -> String {
        var seconds = time.seconds
        var nanos = time.nanoseconds
        var sign = ""
        if seconds < 0, nanos > 0 {
            seconds += 1
            nanos = 1_000_000_000 - nanos
            if seconds == 0 { sign = "-" }
        }
        var fraction = String(nanos)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(seconds)" : "\(sign)\(seconds).\(fraction)"
    }
}
