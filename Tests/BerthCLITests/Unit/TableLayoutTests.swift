@testable import BerthCLI
import OCI
import Testing

/// Tables must be laid out as Go's tabwriter does with docker's settings, and
/// list formats (table, raw, json) must follow docker's formatter.
@Suite struct TableLayoutTests {
    @Test func padsColumnsLikeDocker() {
        let text = "CONTAINER ID\tIMAGE\tNAMES\nabc\tbusybox\tweb\n"
        #expect(TableWriter().format(text) == "CONTAINER ID   IMAGE     NAMES\nabc            busybox   web\n")
    }

    @Test func minimumWidthAppliesToShortColumns() {
        #expect(TableWriter().format("A\tB\nx\ty\n") == "A         B\nx         y\n")
    }

    @Test func emptyCellsArePadded() {
        #expect(TableWriter().format("A\tPORTS\tN\n1\t\tn\n") == "A         PORTS     N\n1                   n\n")
    }

    @Test func topUsesWiderMinimum() {
        #expect(TableWriter(minWidth: 20, padding: 3).format("UID\tPID\nroot\t1\n") == "UID                 PID\nroot                1\n")
    }

    static let rows: [JSONValue] = [
        .object([("ID", .string("abc")), ("Names", .string("web")), ("Status", .string("Up 2 seconds"))]),
        .object([("ID", .string("defghi")), ("Names", .string("db")), ("Status", .string("Exited (0) 1 second ago"))]),
    ]
    static let formatter = ListFormatter(defaultTable: "table {{.ID}}\t{{.Names}}", headers: ["ID": "CONTAINER ID", "Names": "NAMES", "Status": "STATUS"])

    @Test func defaultTableHasHeaders() throws {
        #expect(try Self.formatter.render(format: "", rows: Self.rows) == "CONTAINER ID   NAMES\nabc            web\ndefghi         db\n")
    }

    @Test func customTableWithEscapedTab() throws {
        let text = try Self.formatter.render(format: "table {{.Names}}\\t{{.Status}}", rows: Self.rows)
        #expect(text == "NAMES     STATUS\nweb       Up 2 seconds\ndb        Exited (0) 1 second ago\n")
    }

    @Test func rawTemplateOneLinePerRow() throws {
        #expect(try Self.formatter.render(format: "{{.ID}}:{{.Names}}", rows: Self.rows) == "abc:web\ndefghi:db\n")
    }

    @Test func jsonFormatIsOneObjectPerLine() throws {
        let text = try Self.formatter.render(format: "json", rows: [Self.rows[0]])
        #expect(text == #"{"ID":"abc","Names":"web","Status":"Up 2 seconds"}"# + "\n")
    }

    @Test func containerRowMatchesDockerFields() {
        let item = JSONValue.object([
            ("Id", .string(String(repeating: "a", count: 64))), ("Names", .array([.string("/web")])),
            ("Image", .string("busybox")), ("Command", .string("sh -c 'echo hello world; sleep 1000'")),
            ("Created", .number("1000")), ("State", .string("running")), ("Status", .string("Up 5 minutes")),
            ("Ports", .array([.object([("IP", .string("0.0.0.0")), ("PrivatePort", .number("80")), ("PublicPort", .number("8080")), ("Type", .string("tcp"))]),
                              .object([("PrivatePort", .number("443")), ("Type", .string("tcp"))])])),
            ("Labels", .object([("b", .string("2")), ("a", .string("1"))])),
        ])
        let row = ContainerRow.make(item, truncate: true, now: 1000 + 150)
        #expect(row["ID"]?.stringValue == "aaaaaaaaaaaa")
        #expect(row["Names"]?.stringValue == "web")
        #expect(row["Command"]?.stringValue == "\"sh -c 'echo hello w…\"")
        #expect(row["RunningFor"]?.stringValue == "2 minutes ago")
        #expect(row["Ports"]?.stringValue == "0.0.0.0:8080->80/tcp, 443/tcp")
        #expect(row["Labels"]?.stringValue == "a=1,b=2")
        #expect(row["Size"]?.stringValue == "0B")
    }

    @Test func untaggedImageShowsNone() {
        let rows = ImageRow.make(.object([("Id", .string("sha256:" + String(repeating: "b", count: 64))), ("Created", .number("0")),
                                          ("Size", .number("1984172")), ("RepoTags", .null)]), truncate: true, now: 0)
        #expect(rows.count == 1)
        #expect(rows[0]["Repository"]?.stringValue == "<none>")
        #expect(rows[0]["ID"]?.stringValue == "bbbbbbbbbbbb")
        #expect(rows[0]["Size"]?.stringValue == "1.98MB")
    }
}
