/// Builds a TarEntry from a ustar header block, overridden by GNU long names and PAX records.
extension TarReader {
    /// The entry a header block describes, with pending extensions and global PAX records applied.
    func makeEntry(_ block: HeaderBlock, size: Int64, pending: PendingExtensions, at headerOffset: Int64) throws(TarError) -> TarEntry {
        typealias Field = HeaderBlock.Field
        var name = block.string(Field.name)
        if block.isPOSIXUstar {
            let prefix = block.string(Field.prefix)
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        func number(_ field: (Int, Int), _ label: String) throws(TarError) -> Int64 {
            guard let value = block.number(field) else {
                throw .invalidNumericField(field: label, entry: name, offset: headerOffset)
            }
            return value
        }
        func device(_ field: (Int, Int), _ label: String) throws(TarError) -> UInt32 {
            // Non-device entries often leave these fields blank or garbage; only devices need them.
            let value = try number(field, label)
            guard let narrowed = UInt32(exactly: value) else {
                throw .invalidNumericField(field: label, entry: name, offset: headerOffset)
            }
            return narrowed
        }
        let typeflag = block.bytes[Field.typeflag.0]
        let isDevice = typeflag == UInt8(ascii: "3") || typeflag == UInt8(ascii: "4")
        let major = isDevice ? try device(Field.devMajor, "devmajor") : 0
        let minor = isDevice ? try device(Field.devMinor, "devminor") : 0
        var entry = TarEntry(
            name: name,
            type: TarEntryType(typeflag: typeflag, major: major, minor: minor),
            linkName: block.string(Field.linkName),
            mode: UInt32(truncatingIfNeeded: try number(Field.mode, "mode")) & 0o7777,
            uid: try number(Field.uid, "uid"),
            gid: try number(Field.gid, "gid"),
            userName: block.string(Field.userName),
            groupName: block.string(Field.groupName),
            size: size,
            modificationTime: TarTimestamp(seconds: try number(Field.mtime, "mtime"))
        )
        if let longName = pending.longName { entry.name = longName }
        if let longLink = pending.longLink { entry.linkName = longLink }
        var records = globalRecords
        records.merge(pending.records) { _, local in local }
        try Self.apply(records, to: &entry, at: headerOffset)
        return entry
    }

    /// Applies PAX records to an entry; an empty value removes a global override (POSIX).
    static func apply(_ records: [String: [UInt8]], to entry: inout TarEntry, at headerOffset: Int64) throws(TarError) {
        entry.paxRecords = records
        for (key, value) in records where !value.isEmpty {
            let text = String(decoding: value, as: UTF8.self)
            func integer() throws(TarError) -> Int64 {
                guard let parsed = Int64(text) else {
                    throw .malformedHeader(entry: entry.name, offset: headerOffset, reason: "PAX \(key)=\(text) is not a number")
                }
                return parsed
            }
            switch key {
            case "path": entry.name = text
            case "linkpath": entry.linkName = text
            case "uname": entry.userName = text
            case "gname": entry.groupName = text
            case "uid": entry.uid = try integer()
            case "gid": entry.gid = try integer()
            case "size":
                let size = try integer()
                guard size >= 0 else {
                    throw .malformedHeader(entry: entry.name, offset: headerOffset, reason: "negative PAX size")
                }
                entry.size = size
            case "mtime":
                guard let time = parseTime(text) else {
                    throw .malformedHeader(entry: entry.name, offset: headerOffset, reason: "PAX mtime=\(text) is not a time")
                }
                entry.modificationTime = time
            default:
                if key.hasPrefix("SCHILY.xattr.") {
                    entry.xattrs[String(key.dropFirst("SCHILY.xattr.".count))] = value
                }
            }
        }
    }

    /// Parses a PAX time "[-]seconds[.fraction]" into seconds and nanoseconds, rounding toward -∞.
    static func parseTime(_ text: String) -> TarTimestamp? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, let seconds = Int64(whole) else { return nil }
        guard parts.count == 2 else { return TarTimestamp(seconds: seconds) }
        let fraction = parts[1]
        guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = String(fraction.prefix(9)).zeroPadded(to: 9)
        guard let nanos = UInt32(digits) else { return nil }
        if whole.hasPrefix("-"), nanos > 0 {
            return TarTimestamp(seconds: seconds - 1, nanoseconds: 1_000_000_000 - nanos)
        }
        return TarTimestamp(seconds: seconds, nanoseconds: nanos)
    }
}

extension String {
    /// The string right-padded with "0" to `length` characters.
    func zeroPadded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: "0", count: length - count)
    }
}
