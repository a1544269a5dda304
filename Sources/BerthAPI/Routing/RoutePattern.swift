/// A path template such as `/containers/{id}/json` or `/images/{name:.*}/json`.
///
/// `{x}` captures one path segment; `{x:.*}` captures one or more segments joined by `/`
/// (moby uses it for image names like `docker.io/library/busybox`). Matching is done on
/// the decoded path without the version prefix.
public struct RoutePattern: Sendable, Equatable, CustomStringConvertible {
    /// One piece of a template.
    public enum Segment: Sendable, Equatable {
        /// Must equal this text.
        case literal(String)
        /// Captures one segment under this name.
        case parameter(String)
        /// Captures one or more segments under this name.
        case remainder(String)
    }

    /// The template text, e.g. `/containers/{id}/json`.
    public let template: String
    /// The parsed segments.
    public let segments: [Segment]

    /// Parses a template; braces around a name make it a parameter.
    public init(_ template: String) {
        self.template = template
        self.segments = RoutePattern.split(template).map { raw in
            guard raw.hasPrefix("{"), raw.hasSuffix("}") else { return .literal(raw) }
            let inner = raw.dropFirst().dropLast()
            if let colon = inner.firstIndex(of: ":") {
                return .remainder(String(inner[inner.startIndex..<colon]))
            }
            return .parameter(String(inner))
        }
    }

    /// The template text.
    public var description: String { template }

    /// The captured parameters if `path` matches, else nil.
    public func match(_ path: String) -> [String: String]? {
        var captures: [String: String] = [:]
        let parts = RoutePattern.split(path)
        return RoutePattern.match(segments[...], parts[...], into: &captures) ? captures : nil
    }

    /// Splits `/a/b/` into ["a", "b", ""]: a trailing slash is significant, as in gorilla/mux.
    static func split(_ path: String) -> [String] {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if trimmed.isEmpty { return [] }
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    private static func match(
        _ pattern: ArraySlice<Segment>, _ parts: ArraySlice<String>, into captures: inout [String: String]
    ) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        switch first {
        case .literal(let text):
            guard parts.first == text else { return false }
            return match(pattern.dropFirst(), parts.dropFirst(), into: &captures)
        case .parameter(let name):
            guard let part = parts.first, !part.isEmpty else { return false }
            captures[name] = part
            return match(pattern.dropFirst(), parts.dropFirst(), into: &captures)
        case .remainder(let name):
            // Greedy: take as many segments as possible while the rest still matches.
            let rest = pattern.dropFirst()
            var take = parts.count
            while take >= 1 {
                var attempt = captures
                if match(rest, parts.dropFirst(take), into: &attempt) {
                    let value = parts.prefix(take).joined(separator: "/")
                    if value.isEmpty { return false }
                    attempt[name] = value
                    captures = attempt
                    return true
                }
                take -= 1
            }
            return false
        }
    }
}
