import Glibc

/// docker's global flags, given before the command name (`berth -H unix:///x ps`).
/// They are taken off the argument list before parsing; `-H` is stored in
/// `BERTH_HOST` for `APIClient` to find.
enum GlobalOptions {
    /// The arguments without the leading global flags.
    static func extract(_ arguments: [String]) -> [String] {
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-"), first != "--help", first != "-h" {
            if first == "-H" || first == "--host" || first == "--context" || first == "-c" || first == "--config"
                || first == "-l" || first == "--log-level" {
                rest = rest.dropFirst()
                if let value = rest.first, first == "-H" || first == "--host" { setenv("BERTH_HOST", value, 1) }
                rest = rest.dropFirst()
            } else if first.hasPrefix("--host=") {
                setenv("BERTH_HOST", String(first.dropFirst(7)), 1)
                rest = rest.dropFirst()
            } else if first.hasPrefix("-H"), first.count > 2 {
                setenv("BERTH_HOST", String(first.dropFirst(2)), 1)
                rest = rest.dropFirst()
            } else if first == "-D" || first == "--debug" || first.hasPrefix("--config=") || first.hasPrefix("--context=")
                        || first.hasPrefix("--log-level=") || first == "--tls" || first == "--tlsverify" {
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest)
    }
}
