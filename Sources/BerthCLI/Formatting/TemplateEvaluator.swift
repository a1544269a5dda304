import OCI

/// Runs parsed template nodes over JSON data with Go's printing rules
/// (`map[k:v]`, `[a b]`, `<no value>` for a missing field).
struct TemplateEvaluator {
    let root: JSONValue

    func run(_ nodes: [Template.Node], dot: JSONValue, into out: inout String) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .action(let pipeline):
                out += Self.display(try evaluate(pipeline, dot: dot))
            case .branch(let kind, let pipeline, let body, let otherwise):
                let value = try evaluate(pipeline, dot: dot)
                switch kind {
                case .ifBlock:
                    try run(Self.truthy(value) ? body : otherwise, dot: dot, into: &out)
                case .withBlock:
                    if Self.truthy(value), let value { try run(body, dot: value, into: &out) } else { try run(otherwise, dot: dot, into: &out) }
                case .rangeBlock:
                    let items: [JSONValue]
                    switch value {
                    case .array(let elements)?: items = elements
                    case .object(let members)?: items = members.sorted { $0.0 < $1.0 }.map(\.1)
                    default: items = []
                    }
                    if items.isEmpty { try run(otherwise, dot: dot, into: &out) }
                    for item in items { try run(body, dot: item, into: &out) }
                }
            }
        }
    }

    /// nil means "no value" (a missing field).
    func evaluate(_ pipeline: Template.Pipeline, dot: JSONValue) throws(TemplateError) -> JSONValue? {
        var previous: JSONValue?? = .none
        for command in pipeline.commands {
            previous = .some(try evaluateCommand(command, dot: dot, piped: previous))
        }
        return previous ?? nil
    }

    private func evaluateCommand(_ command: [Template.Argument], dot: JSONValue, piped: JSONValue??) throws(TemplateError) -> JSONValue? {
        guard let first = command.first else { return nil }
        if case .identifier(let name) = first, !["true", "false", "nil"].contains(name) {
            var arguments: [JSONValue?] = []
            for argument in command.dropFirst() { arguments.append(try value(of: argument, dot: dot)) }
            if let piped { arguments.append(piped) }
            return try TemplateFunctions.call(name, arguments)
        }
        guard command.count == 1 else { throw TemplateError(description: "template: can't give argument to non-function") }
        if piped != nil { throw TemplateError(description: "template: can't give argument to non-function") }
        return try value(of: first, dot: dot)
    }

    private func value(of argument: Template.Argument, dot: JSONValue) throws(TemplateError) -> JSONValue? {
        switch argument {
        case .field(let path): return Self.lookup(path, in: dot)
        case .variableField(let path): return Self.lookup(path, in: root)
        case .string(let text): return .string(text)
        case .number(let lexeme): return .number(lexeme)
        case .identifier("true"): return .bool(true)
        case .identifier("false"): return .bool(false)
        case .identifier("nil"): return .null
        case .identifier(let name): return try TemplateFunctions.call(name, [])
        case .nested(let pipeline): return try evaluate(pipeline, dot: dot)
        }
    }

    static func lookup(_ path: [String], in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for key in path {
            guard case .object? = current else { return nil }
            current = current?[key]
        }
        return current
    }

    /// Go's truth: false, 0, nil, empty string/array/map are false.
    static func truthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case .number(let lexeme)?: return (Double(lexeme) ?? 0) != 0
        case .string(let text)?: return !text.isEmpty
        case .array(let elements)?: return !elements.isEmpty
        case .object(let members)?: return !members.isEmpty
        }
    }

    /// Go's `fmt.Sprint` of a decoded value.
    static func display(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "<no value>"
        case .null?: return "<nil>"
        case .bool(let flag)?: return flag ? "true" : "false"
        case .number(let lexeme)?: return lexeme
        case .string(let text)?: return text
        case .array(let elements)?: return "[" + elements.map { display($0) }.joined(separator: " ") + "]"
        case .object(let members)?:
            return "map[" + members.sorted { $0.0 < $1.0 }.map { "\($0.0):\(display($0.1))" }.joined(separator: " ") + "]"
        }
    }
}
