/// A small runc-compatible argument reader: `--flag value`, `--flag=value`,
/// `-f value`, boolean flags, and positionals, with errors that name the flag.
struct ArgumentReader {
    private(set) var positionals: [String] = []
    // Arrays, not dictionaries: a handful of flags, and no hashing code on the
    // runtime's hot path.
    private var values: [(name: String, value: String)] = []
    private var switches: [String] = []

    /// `valued` and `boolean` list every accepted spelling; aliases map to one name
    /// (the first spelling). Parsing stops at the first positional when
    /// `stopAtPositional` is set (exec: the rest is the command) or at "--".
    init(_ arguments: [String], valued: [[String]], boolean: [[String]], stopAfterPositionals: Int? = nil) throws(RuntimeError) {
        var canonical: [(spelling: String, name: String, takesValue: Bool)] = []
        for group in valued { for spelling in group { canonical.append((spelling, group[0], true)) } }
        for group in boolean { for spelling in group { canonical.append((spelling, group[0], false)) } }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if let limit = stopAfterPositionals, positionals.count >= limit {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                positionals.append(contentsOf: arguments[index...])
                break
            }
            guard argument.hasPrefix("-") && argument != "-" else {
                positionals.append(argument)
                continue
            }
            var flag = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let spec = canonical.first(where: { $0.spelling == flag }) else {
                throw RuntimeError("flag provided but not defined: \(flag)")
            }
            if spec.takesValue {
                let value: String
                if let inline { value = inline } else {
                    guard index < arguments.count else { throw RuntimeError("flag needs an argument: \(flag)") }
                    value = arguments[index]
                    index += 1
                }
                values.append((spec.name, value))
            } else {
                if let inline, inline == "false" {
                    switches.removeAll { $0 == spec.name }
                } else if !switches.contains(spec.name) {
                    switches.append(spec.name)
                }
            }
        }
    }

    func value(_ name: String) -> String? { values.last(where: { $0.name == name })?.value }
    func all(_ name: String) -> [String] { values.filter { $0.name == name }.map(\.value) }
    func flag(_ name: String) -> Bool { switches.contains(name) }
}
