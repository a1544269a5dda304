/// Turns template text into `Template.Node`s: splits text from `{{ }}`
/// actions, tokenizes each action and nests `if`/`range`/`with` blocks.
struct TemplateParser {
    private var actions: [(text: String, action: String?)] = []
    private var position = 0

    init(_ source: String) {
        var items: [(String, String?)] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            var text = String(rest[..<open.lowerBound])
            var afterOpen = rest[open.upperBound...]
            if afterOpen.hasPrefix("- ") || afterOpen.hasPrefix("-\t") || afterOpen.hasPrefix("-\n") {
                while let last = text.last, last.isWhitespace { text.removeLast() }
                afterOpen = afterOpen.dropFirst()
            }
            guard let close = afterOpen.firstRange(of: "}}") else {
                items.append((text + "{{" + afterOpen, nil))
                rest = ""
                break
            }
            var action = afterOpen[..<close.lowerBound]
            rest = afterOpen[close.upperBound...]
            if action.hasSuffix(" -") || action.hasSuffix("\t-") || action.hasSuffix("\n-") {
                action = action.dropLast()
                while let first = rest.first, first.isWhitespace { rest = rest.dropFirst() }
            }
            items.append((text, String(action)))
        }
        if !rest.isEmpty { items.append((String(rest), nil)) }
        actions = items
    }

    mutating func parseAll() throws(Template.ParseError) -> [Template.Node] {
        let (nodes, end) = try parseList()
        if let end { throw Template.ParseError(description: "template: :1: unexpected {{\(end)}}") }
        return nodes
    }

    /// Parses nodes until `{{end}}`/`{{else}}` (returned) or the end of input (nil).
    private mutating func parseList() throws(Template.ParseError) -> ([Template.Node], String?) {
        var nodes: [Template.Node] = []
        while position < actions.count {
            let item = actions[position]
            position += 1
            if !item.text.isEmpty { nodes.append(.text(item.text)) }
            guard let action = item.action else { continue }
            let trimmed = action.trimmingCharacters()
            if trimmed.hasPrefix("/*") { continue }
            if trimmed == "end" || trimmed == "else" { return (nodes, trimmed) }
            let keyword = trimmed.prefix { !$0.isWhitespace }
            let kind: Template.BranchKind?
            switch keyword {
            case "if": kind = .ifBlock
            case "range": kind = .rangeBlock
            case "with": kind = .withBlock
            default: kind = nil
            }
            if let kind {
                let pipeline = try parsePipeline(String(trimmed.dropFirst(keyword.count)))
                let (body, terminator) = try parseList()
                var otherwise: [Template.Node] = []
                if terminator == "else" {
                    let (elseBody, elseEnd) = try parseList()
                    guard elseEnd == "end" else { throw Template.ParseError(description: "template: :1: unexpected EOF") }
                    otherwise = elseBody
                } else if terminator != "end" {
                    throw Template.ParseError(description: "template: :1: unexpected EOF")
                }
                nodes.append(.branch(kind: kind, pipeline, then: body, otherwise: otherwise))
            } else {
                nodes.append(.action(try parsePipeline(trimmed)))
            }
        }
        return (nodes, nil)
    }

    private func parsePipeline(_ text: String) throws(Template.ParseError) -> Template.Pipeline {
        var tokens = try tokenize(text)
        var index = 0
        let pipeline = try parsePipelineTokens(&tokens, &index)
        if index < tokens.count { throw Template.ParseError(description: "template: :1: unexpected \"\(tokens[index])\" in command") }
        return pipeline
    }

    private func parsePipelineTokens(_ tokens: inout [String], _ index: inout Int) throws(Template.ParseError) -> Template.Pipeline {
        var commands: [[Template.Argument]] = []
        var current: [Template.Argument] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case "|":
                guard !current.isEmpty else { throw Template.ParseError(description: "template: :1: missing command") }
                commands.append(current)
                current = []
            case "(":
                current.append(.nested(try parsePipelineTokens(&tokens, &index)))
            case ")":
                if !current.isEmpty { commands.append(current) }
                return Template.Pipeline(commands: commands)
            default:
                current.append(try argument(token))
            }
        }
        if !current.isEmpty { commands.append(current) }
        guard !commands.isEmpty else { throw Template.ParseError(description: "template: :1: missing value for command") }
        return Template.Pipeline(commands: commands)
    }

    private func argument(_ token: String) throws(Template.ParseError) -> Template.Argument {
        if token.hasPrefix("\"") || token.hasPrefix("`") { return .string(unquote(token)) }
        if token == "." { return .field([]) }
        if token.hasPrefix(".") { return .field(token.dropFirst().split(separator: ".").map(String.init)) }
        if token == "$" { return .variableField([]) }
        if token.hasPrefix("$.") { return .variableField(token.dropFirst(2).split(separator: ".").map(String.init)) }
        if let first = token.first, first.isNumber || first == "-" { return .number(token) }
        if token == "true" || token == "false" || token == "nil" { return .identifier(token) }
        if token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return .identifier(token) }
        throw Template.ParseError(description: "template: :1: bad token \"\(token)\"")
    }

    private func unquote(_ token: String) -> String {
        let inner = token.dropFirst().dropLast()
        if token.hasPrefix("`") { return String(inner) }
        var out = ""
        var escaping = false
        for char in inner {
            if escaping {
                switch char {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                default: out.append(char)
                }
                escaping = false
            } else if char == "\\" {
                escaping = true
            } else {
                out.append(char)
            }
        }
        return out
    }

    private func tokenize(_ text: String) throws(Template.ParseError) -> [String] {
        var tokens: [String] = []
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char.isWhitespace { index += 1; continue }
            if char == "|" || char == "(" || char == ")" {
                tokens.append(String(char))
                index += 1
                continue
            }
            if char == "\"" || char == "`" {
                var end = index + 1
                while end < chars.count, chars[end] != char {
                    if char == "\"", chars[end] == "\\" { end += 1 }
                    end += 1
                }
                guard end < chars.count else { throw Template.ParseError(description: "template: :1: unterminated quoted string") }
                tokens.append(String(chars[index...end]))
                index = end + 1
                continue
            }
            var end = index
            while end < chars.count, !chars[end].isWhitespace, !"|()\"".contains(chars[end]) { end += 1 }
            tokens.append(String(chars[index..<end]))
            index = end
        }
        return tokens
    }
}

extension String {
    /// Without leading and trailing whitespace (spaces, tabs, newlines).
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
