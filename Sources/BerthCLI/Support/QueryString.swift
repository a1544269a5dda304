import OCI

/// Builds `?k=v&…` query strings, percent-encoded as Go's `url.QueryEscape`.
struct QueryString {
    private var items: [(String, String)] = []

    init() {}

    /// Adds a parameter.
    mutating func add(_ key: String, _ value: String) { items.append((key, value)) }

    /// Adds a parameter only when `condition` holds.
    mutating func add(_ key: String, _ value: String, if condition: Bool) {
        if condition { items.append((key, value)) }
    }

    /// Adds docker's `filters` parameter (`{"key":{"value":true}}`) when there are any.
    mutating func addFilters(_ filters: [String]) throws(CLIError) {
        guard !filters.isEmpty else { return }
        var grouped: [(String, [String])] = []
        for filter in filters {
            guard let equals = filter.firstIndex(of: "=") else {
                throw CLIError("invalid argument \"\(filter)\" for \"-f, --filter\" flag: bad format of filter (expected name=value)", exitCode: 125)
            }
            let key = String(filter[..<equals]).trimmingCharacters().lowercased()
            let value = String(filter[filter.index(after: equals)...]).trimmingCharacters()
            if let index = grouped.firstIndex(where: { $0.0 == key }) { grouped[index].1.append(value) } else { grouped.append((key, [value])) }
        }
        let json = JSONValue.object(grouped.sorted { $0.0 < $1.0 }.map { key, values in
            (key, .object(values.map { ($0, .bool(true)) }))
        })
        add("filters", GoJSON.compact(json))
    }

    /// `?a=1&b=2`, or empty.
    var encoded: String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { Self.escape($0.0) + "=" + Self.escape($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes a query component (space as `+`).
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Percent-encodes a path component (a name, ID or image reference typed
    /// by the user), keeping `/`, `:` and `@` as Go's url.URL does.
    static func escapePath(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
