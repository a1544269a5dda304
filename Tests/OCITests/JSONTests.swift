import Testing
@testable import OCI

@Suite struct JSONParserTests {
    static let validCases: [(String, JSONValue)] = [
        ("null", .null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number("0")),
        ("\"\"", .string("")),
        ("\"abc\"", .string("abc")),
        ("[]", .array([])),
        ("{}", .object([])),
        (" \t\r\n[ 1 , 2 ]\n", .array([.number("1"), .number("2")])),
        ("[null,true,false]", .array([.null, .bool(true), .bool(false)])),
        ("{\"a\":1,\"b\":[{}],\"c\":{\"d\":\"e\"}}",
         .object([("a", .number("1")), ("b", .array([.object([])])), ("c", .object([("d", .string("e"))]))])),
        ("{\"k\":1,\"k\":2}", .object([("k", .number("1")), ("k", .number("2"))])),
        ("\"a/b\"", .string("a/b")),
        ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", .string("\"\\/\u{08}\u{0C}\n\r\t")),
        ("\"\u{7F}\"", .string("\u{7F}")),
    ]

    @Test(arguments: validCases)
    func parsesValid(_ input: String, _ expected: JSONValue) throws {
        #expect(try JSONParser.parse(input) == expected)
        #expect(try JSONParser.parse(Array(input.utf8)) == expected)
    }

    static let invalidCases: [String] = [
        "", " ", "[", "]", "{", "}", "[1,]", "[1,,2]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}",
        "{\"a\" 1}", "{a:1}", "{'a':1}", "{1:2}", "[1 2]", "{\"a\":1 \"b\":2}",
        "01", "-01", "00", "1.", ".5", "+1", "-", "1e", "1e+", "1E-", "-.5", "1.e5", "0x10",
        "NaN", "Infinity", "-Infinity", "tru", "truee", "nul", "nulll", "False", "undefined",
        "\"abc", "\"\\\"", "\"a\u{01}b\"", "\"tab\there\"", "\"new\nline\"",
        "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\U0041\"", "\"\\'\"",
        "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"", "\"\\uD800x\"", "\"\\uDBFF\\uDBFF\"",
        "[1]x", "1 2", "{} {}", "null,", "\u{FEFF}1", "'a'", "[\"a\"\t,]",
    ]

    @Test(arguments: invalidCases)
    func rejectsInvalid(_ input: String) {
        #expect(throws: JSONError.self) { try JSONParser.parse(input) }
        #expect(throws: JSONError.self) { try JSONParser.parse(Array(input.utf8)) }
    }

    @Test func errorReportsOffsetAndMessage() {
        do {
            _ = try JSONParser.parse("{\"a\":1 \"b\":2}")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 7)
            #expect(error.message == "expected ',' or '}'")
            #expect(error.description == "invalid JSON at byte 7: expected ',' or '}'")
        }
    }

    @Test(arguments: [
        ("[1,]", "trailing comma"),
        ("01", "leading zeros"),
        ("\"\\uDC00\"", "surrogate"),
        ("[1] x", "after JSON value"),
        ("\"a\u{01}\"", "control character"),
        ("", "end of input"),
    ])
    func errorMessages(_ input: String, _ fragment: String) {
        do {
            _ = try JSONParser.parse(input)
            Issue.record("expected an error for \(input)")
        } catch {
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test(arguments: [
        ("\"\\u00e9\"", "é"),
        ("\"\\u00E9t\\u00e9\"", "été"),
        ("\"\\u65e5\\u672c\"", "日本"),
        ("\"\\uD83D\\uDE00\"", "😀"),
        ("\"x\\ud83d\\ude00y\"", "x😀y"),
        ("\"\\uDBFF\\uDFFF\"", "\u{10FFFF}"),
        ("\"\\u0000\"", "\u{0}"),
        ("\"\\u0041\\u0062\"", "Ab"),
        ("\"日本語 ✓\"", "日本語 ✓"),
        ("\"🎉\"", "🎉"),
    ])
    func unicodeEscapes(_ input: String, _ expected: String) throws {
        #expect(try JSONParser.parse(input) == .string(expected))
    }

    @Test func invalidUTF8IsReplaced() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        #expect(try JSONParser.parse(bytes) == .string("a\u{FFFD}b"))
    }

    @Test(arguments: [
        "0", "-0", "1", "-1", "1.5", "-0.25", "1e10", "1E+10", "1.0e-10", "0e0",
        "9223372036854775807", "-9223372036854775808", "18446744073709551615",
        "123456789012345678901234567890", "3.141592653589793238462643383279",
    ])
    func numberLexemesAreKept(_ lexeme: String) throws {
        #expect(try JSONParser.parse(lexeme) == .number(lexeme))
        #expect(try JSONParser.parse("[\(lexeme)]") == .array([.number(lexeme)]))
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONParser.parse(ok)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONError.self) { try JSONParser.parse(tooDeep) }
        let objects = String(repeating: "{\"a\":", count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(throws: JSONError.self) { try JSONParser.parse(objects) }
    }
}

@Suite struct JSONValueTests {
    @Test func accessors() throws {
        let v = try JSONParser.parse(#"{"s":"x","n":-42,"b":true,"a":[1],"d":1,"d":2,"f":1.5,"big":18446744073709551615}"#)
        #expect(v["s"]?.stringValue == "x")
        #expect(v["n"]?.int64Value == -42)
        #expect(v["n"]?.uint64Value == nil)
        #expect(v["b"]?.boolValue == true)
        #expect(v["a"]?.arrayValue == [.number("1")])
        #expect(v["d"]?.int64Value == 2)
        #expect(v["f"]?.int64Value == nil)
        #expect(v["f"]?.doubleValue == 1.5)
        #expect(v["big"]?.uint64Value == UInt64.max)
        #expect(v["big"]?.int64Value == nil)
        #expect(v["missing"] == nil)
        #expect(v["s"]?.int64Value == nil)
        #expect(JSONValue.null.isNull)
        #expect(JSONValue.string("x")["k"] == nil)
        #expect(v.objectValue?.count == 8)
    }

    @Test func equality() {
        #expect(JSONValue.object([("a", .null), ("b", .null)]) != .object([("b", .null), ("a", .null)]))
        #expect(JSONValue.object([("a", .array([.bool(true)]))]) == .object([("a", .array([.bool(true)]))]))
        #expect(JSONValue.number("1") != .number("1.0"))
        #expect(JSONValue.string("1") != .number("1"))
        #expect(JSONValue.object([]) != .array([]))
    }
}

@Suite struct JSONSerializerTests {
    @Test func compact() {
        let v = JSONValue.object([
            ("b", .number("2")), ("a", .array([.null, .bool(true), .bool(false)])),
            ("c", .object([])), ("d", .array([])), ("e", .string("x/y")),
        ])
        #expect(v.serialized() == #"{"b":2,"a":[null,true,false],"c":{},"d":[],"e":"x/y"}"#)
        #expect(v.serializedBytes() == Array(v.serialized().utf8))
    }

    @Test(arguments: [
        ("\"", #""\"""#),
        ("\\", #""\\""#),
        ("\n\t\r\u{08}\u{0C}", #""\n\t\r\b\f""#),
        ("\u{0}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
        ("/", #""/""#),
        ("\u{7F}é😀", "\"\u{7F}é😀\""),
    ])
    func stringEscaping(_ input: String, _ expected: String) throws {
        #expect(JSONValue.string(input).serialized() == expected)
        #expect(try JSONParser.parse(expected) == .string(input))
    }

    @Test func prettyMatchesGoMarshalIndent() {
        let v = JSONValue.object([
            ("ociVersion", .string("1.2.0")),
            ("process", .object([
                ("args", .array([.string("sh"), .string("-c")])),
                ("env", .array([])),
                ("user", .object([("uid", .number("0"))])),
                ("caps", .object([])),
            ])),
            ("hooks", .null),
        ])
        let expected = """
        {
          "ociVersion": "1.2.0",
          "process": {
            "args": [
              "sh",
              "-c"
            ],
            "env": [],
            "user": {
              "uid": 0
            },
            "caps": {}
          },
          "hooks": null
        }
        """
        #expect(v.serialized(pretty: true) == expected)
        #expect(JSONValue.array([]).serialized(pretty: true) == "[]")
        #expect(JSONValue.number("7").serialized(pretty: true) == "7")
    }

    static let roundTripDocs: [String] = [
        "null",
        "[1,-2.5e-3,\"a\\u0001b\",{\"x\":[[],{}]},true]",
        #"{"ociVersion":"1.0.2","process":{"terminal":false,"user":{"uid":0,"gid":0},"args":["sh"],"env":["PATH=/usr/bin"],"cwd":"/"},"root":{"path":"rootfs","readonly":true},"annotations":{"a.b/c":"\ud83d\ude00"}}"#,
        "\"\\u2028 \\\\ \\\" \\/\"",
        "[18446744073709551615,-9223372036854775808,1e400]",
    ]

    @Test(arguments: roundTripDocs)
    func roundTrip(_ doc: String) throws {
        let v = try JSONParser.parse(doc)
        #expect(try JSONParser.parse(v.serialized()) == v)
        #expect(try JSONParser.parse(v.serialized(pretty: true)) == v)
        // Serialization is a fixed point after one pass.
        #expect(try JSONParser.parse(v.serialized()).serialized() == v.serialized())
    }
}
