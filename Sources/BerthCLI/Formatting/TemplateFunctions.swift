import OCI

/// The functions docker's templates offer (docker's own plus Go's builtins).
enum TemplateFunctions {
    static func call(_ name: String, _ args: [JSONValue?]) throws(TemplateError) -> JSONValue? {
        func string(_ index: Int) -> String { index < args.count ? TemplateEvaluator.display(args[index]) : "" }
        func need(_ count: Int) throws(TemplateError) {
            if args.count != count {
                throw TemplateError(description: "template: wrong number of args for \(name): want \(count) got \(args.count)")
            }
        }
        switch name {
        case "json":
            try need(1)
            return .string(GoJSON.compact(args[0] ?? .null))
        case "upper": try need(1); return .string(string(0).uppercased())
        case "lower": try need(1); return .string(string(0).lowercased())
        case "title":
            try need(1)
            return .string(string(0).split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        case "join":
            try need(2)
            let items = args[0]?.arrayValue?.map { TemplateEvaluator.display($0) } ?? []
            return .string(items.joined(separator: string(1)))
        case "split":
            try need(2)
            let separator = string(1)
            let parts = separator.isEmpty ? string(0).map { String($0) } : string(0).components(separatedBy: separator)
            return .array(parts.map { .string($0) })
        case "len":
            try need(1)
            switch args[0] {
            case .array(let elements)?: return .number(String(elements.count))
            case .object(let members)?: return .number(String(members.count))
            case .string(let text)?: return .number(String(text.utf8.count))
            default: throw TemplateError(description: "template: error calling len: len of nil pointer")
            }
        case "index":
            guard var current = args.first ?? nil else { return nil }
            for key in args.dropFirst() {
                switch (current, key) {
                case (.object, let key?):
                    guard let next = current[TemplateEvaluator.display(key)] else { return nil }
                    current = next
                case (.array(let elements), .number(let lexeme)?):
                    guard let position = Int(lexeme), elements.indices.contains(position) else {
                        throw TemplateError(description: "template: error calling index: index out of range: \(lexeme)")
                    }
                    current = elements[position]
                default:
                    return nil
                }
            }
            return current
        case "truncate":
            try need(2)
            let count = Int(string(1)) ?? 0
            return .string(String(string(0).prefix(count)))
        case "pad":
            try need(3)
            let left = Int(string(1)) ?? 0, right = Int(string(2)) ?? 0
            return .string(String(repeating: " ", count: left) + string(0) + String(repeating: " ", count: right))
        case "print":
            return .string(args.map { TemplateEvaluator.display($0) }.joined())
        case "println":
            return .string(args.map { TemplateEvaluator.display($0) }.joined(separator: " ") + "\n")
        case "printf":
            guard !args.isEmpty else { throw TemplateError(description: "template: wrong number of args for printf") }
            return .string(printf(string(0), Array(args.dropFirst())))
        case "not":
            try need(1)
            return .bool(!TemplateEvaluator.truthy(args[0]))
        case "and":
            for arg in args where !TemplateEvaluator.truthy(arg) { return arg }
            return args.last ?? nil
        case "or":
            for arg in args where TemplateEvaluator.truthy(arg) { return arg }
            return args.last ?? nil
        case "eq":
            guard args.count >= 2 else { throw TemplateError(description: "template: missing argument for comparison") }
            return .bool(args.dropFirst().contains { TemplateEvaluator.display($0) == string(0) })
        case "ne":
            try need(2)
            return .bool(string(0) != string(1))
        default:
            throw TemplateError(description: "template: :1: function \"\(name)\" not defined")
        }
    }

    /// `%s`, `%d`, `%v`, `%q` and `%%`, enough for format strings people write.
    static func printf(_ format: String, _ args: [JSONValue?]) -> String {
        var out = ""
        var next = 0
        var chars = format.makeIterator()
        while let char = chars.next() {
            guard char == "%" else { out.append(char); continue }
            guard let verb = chars.next() else { out.append("%"); break }
            if verb == "%" { out.append("%"); continue }
            let value = next < args.count ? args[next] : nil
            next += 1
            switch verb {
            case "q":
                var quoted = ""
                GoJSON.quote(TemplateEvaluator.display(value), into: &quoted)
                out += quoted
            default:
                out += TemplateEvaluator.display(value)
            }
        }
        return out
    }
}

extension String {
    /// Splits on every occurrence of `separator` (Foundation-free).
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
