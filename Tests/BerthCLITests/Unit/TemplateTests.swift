@testable import BerthCLI
import OCI
import Testing

/// The Go-template subset behind `--format`: fields, functions, blocks, and
/// Go's printing of maps, lists and missing values.
@Suite struct TemplateTests {
    static let data = JSONValue.object([
        ("Name", .string("/web")),
        ("State", .object([("Status", .string("running")), ("Pid", .number("42")), ("Running", .bool(true))])),
        ("Config", .object([
            ("Env", .array([.string("A=1"), .string("B=<2>")])),
            ("Labels", .object([("z", .string("last")), ("a", .string("first"))])),
            ("Cmd", .null),
        ])),
    ])

    static let cases: [(String, String)] = [
        ("{{.Name}}", "/web"),
        ("{{.State.Status}} {{.State.Pid}}", "running 42"),
        ("{{json .State}}", #"{"Status":"running","Pid":42,"Running":true}"#),
        ("{{json .Config.Env}}", #"["A=1","B=\u003c2\u003e"]"#),
        ("{{.Config.Env}}", "[A=1 B=<2>]"),
        ("{{.Config.Labels}}", "map[a:first z:last]"),
        ("{{.Missing}}", "<no value>"),
        ("{{.Config.Cmd}}", "<nil>"),
        ("{{index .Config.Labels \"z\"}}", "last"),
        ("{{join .Config.Env \",\"}}", "A=1,B=<2>"),
        ("{{.Name | upper}}", "/WEB"),
        ("{{range .Config.Env}}[{{.}}]{{end}}", "[A=1][B=<2>]"),
        ("{{if .State.Running}}up{{else}}down{{end}}", "up"),
        ("{{if eq .State.Status \"exited\"}}x{{else}}y{{end}}", "y"),
        ("{{len .Config.Env}}", "2"),
        ("a  {{- .State.Pid -}}  b", "a42b"),
        ("{{printf \"%s-%v\" .Name .State.Pid}}", "/web-42"),
        ("{{with .State}}{{.Status}}{{end}}", "running"),
    ]

    @Test(arguments: cases)
    func renders(_ template: String, _ expected: String) throws {
        #expect(try Template(template).render(Self.data) == expected)
    }

    @Test func unknownFunctionFails() throws {
        #expect(throws: TemplateError.self) { try Template("{{nosuch .Name}}").render(Self.data) }
    }

    @Test func unterminatedBlockFails() {
        #expect(throws: Template.ParseError.self) { try Template("{{if .Name}}x") }
    }
}
