import OCI

/// The subset of Go's text/template that docker's `--format` flags use:
/// `{{.Field.Sub}}`, `{{json .}}`, functions (`json`, `index`, `join`, `upper`,
/// `lower`, `title`, `split`, `len`, `printf`, `println`, `truncate`, `pad`,
/// `eq`, `ne`, `not`, `and`, `or`), pipelines with `|`, `{{if}}`/`{{else}}`,
/// `{{range}}`, `{{with}}`, and `{{-`/`-}}` trimming. Data is JSON.
struct Template {
    indirect enum Node {
        case text(String)
        case action(Pipeline)
        case branch(kind: BranchKind, Pipeline, then: [Node], otherwise: [Node])
    }

    enum BranchKind { case ifBlock, rangeBlock, withBlock }

    /// A pipeline: commands joined by `|`.
    struct Pipeline { var commands: [[Argument]] }

    indirect enum Argument {
        case field([String])        // .A.B ; [] is "."
        case variableField([String]) // $.A
        case string(String)
        case number(String)
        case identifier(String)
        case nested(Pipeline)
    }

    /// An error in the template text, reported like Go's parser.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    let nodes: [Node]

    /// Parses template text.
    init(_ text: String) throws(ParseError) {
        var parser = TemplateParser(text)
        nodes = try parser.parseAll()
    }

    /// Executes against `data`.
    func render(_ data: JSONValue) throws(TemplateError) -> String {
        var out = ""
        try TemplateEvaluator(root: data).run(nodes, dot: data, into: &out)
        return out
    }
}

/// Why executing a template failed (unknown function, bad arguments).
struct TemplateError: Error, CustomStringConvertible {
    let description: String
}
