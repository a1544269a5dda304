/// An image's /etc/passwd and /etc/group, parsed the way libcontainer's user
/// package reads them, so `-u name[:group]` and `--group-add` resolve to the
/// same numbers under Berth as under dockerd.
struct UserDatabase: Sendable {
    /// One /etc/passwd line.
    struct Account: Sendable, Equatable {
        var name: String
        var uid: UInt32
        var gid: UInt32
        var home: String
    }

    /// One /etc/group line.
    struct Group: Sendable, Equatable {
        var name: String
        var gid: UInt32
        var members: [String]
    }

    var accounts: [Account]
    var groups: [Group]
    /// Whether the image had a passwd file at all.
    var hasPasswd: Bool

    /// Parses the two files' text; nil means the file is absent.
    init(passwd: String?, group: String?) {
        hasPasswd = passwd != nil
        accounts = Self.lines(passwd).compactMap { fields in
            guard let name = fields.first, !name.isEmpty else { return nil }
            return Account(name: name, uid: Self.number(fields, 2) ?? 0, gid: Self.number(fields, 3) ?? 0,
                           home: fields.count > 5 ? fields[5] : "")
        }
        groups = Self.lines(group).compactMap { fields in
            guard let name = fields.first, !name.isEmpty else { return nil }
            let members = fields.count > 3 ? fields[3].split(separator: ",").map { Self.trim(String($0)) } : []
            return Group(name: name, gid: Self.number(fields, 2) ?? 0, members: members.filter { !$0.isEmpty })
        }
    }

    /// Non-empty, non-comment lines split at ":".
    private static func lines(_ text: String?) -> [[String]] {
        guard let text else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let trimmed = trim(String(line))
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            return trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// `text` without leading and trailing spaces, tabs and carriage returns.
    private static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }

    private static func number(_ fields: [String], _ index: Int) -> UInt32? {
        index < fields.count ? UInt32(fields[index]) : nil
    }

    /// A non-negative 31-bit ID, as libcontainer accepts numeric IDs.
    static func numericID(_ text: String) -> UInt32? {
        guard let value = UInt32(text), value <= UInt32(Int32.max) else { return nil }
        return value
    }
}
