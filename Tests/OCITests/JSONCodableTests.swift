import Testing
@testable import OCI

private struct User: Codable, Equatable {
    var uid: UInt32
    var gid: UInt32
    var additionalGids: [UInt32]?
}

private struct Process: Codable, Equatable {
    var terminal: Bool?
    var user: User
    var args: [String]
    var env: [String]?
    var cwd: String
    var rlimits: [[String: Int64]]?
}

private struct Config: Codable, Equatable {
    var ociVersion: String
    var process: Process?
    var hostname: String?
    var annotations: [String: String]?
    var sizes: [String: Int64]?
    var matrix: [[Int]]?
}

private struct Numbers: Codable, Equatable {
    var i: Int
    var i8: Int8
    var i16: Int16
    var i32: Int32
    var i64: Int64
    var u: UInt
    var u8: UInt8
    var u16: UInt16
    var u32: UInt32
    var u64: UInt64
    var d: Double
    var f: Float
}

private struct Wrapper<T: Codable & Equatable>: Codable, Equatable {
    var value: T
}

private struct OptionalInt: Codable, Equatable {
    var value: Int?
}

private struct Ordered: Encodable {
    var zeta = 1
    var alpha = "a"
    var middle: Bool? = nil
    var list = [3, 2, 1]
    var nested = Inner()

    struct Inner: Encodable {
        var y = 2.5
        var x = 1.0
    }
}

/// Exercises nested containers, unkeyed containers and super coders by hand.
private struct Manual: Codable, Equatable {
    var name: String
    var point: (x: Int, y: Int)
    var tags: [String]
    var base: String

    enum CodingKeys: String, CodingKey { case name, geometry, tags }
    enum GeometryKeys: String, CodingKey { case x, y }

    init(name: String, point: (x: Int, y: Int), tags: [String], base: String) {
        self.name = name
        self.point = point
        self.tags = tags
        self.base = base
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        let g = try c.nestedContainer(keyedBy: GeometryKeys.self, forKey: .geometry)
        point = (try g.decode(Int.self, forKey: .x), try g.decode(Int.self, forKey: .y))
        var u = try c.nestedUnkeyedContainer(forKey: .tags)
        var tags: [String] = []
        while !u.isAtEnd {
            if try u.decodeNil() { continue }
            tags.append(try u.decode(String.self))
        }
        self.tags = tags
        base = try String(from: c.superDecoder())
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        var g = c.nestedContainer(keyedBy: GeometryKeys.self, forKey: .geometry)
        try g.encode(point.x, forKey: .x)
        try g.encode(point.y, forKey: .y)
        var u = c.nestedUnkeyedContainer(forKey: .tags)
        for t in tags { try u.encode(t) }
        try base.encode(to: c.superEncoder())
    }

    static func == (a: Manual, b: Manual) -> Bool {
        a.name == b.name && a.point == b.point && a.tags == b.tags && a.base == b.base
    }
}

private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONValueDecoder().decode(type, from: Array(json.utf8))
}

private func errorText<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
    do {
        _ = try decode(type, json)
        return nil
    } catch {
        return describeDecodingError(error)
    }
}

@Suite struct JSONDecoderTests {
    @Test func decodesNestedStruct() throws {
        let json = """
        {
          "ociVersion": "1.2.0",
          "unknownKey": {"ignored": [1, 2, 3]},
          "process": {
            "user": {"uid": 1000, "gid": 1000, "additionalGids": [4, 24]},
            "args": ["sh", "-c", "echo hi"],
            "cwd": "/",
            "rlimits": [{"hard": 1024, "soft": 1024}, {}]
          },
          "hostname": null,
          "annotations": {"org.opencontainers.image.title": "x", "a": ""},
          "sizes": {"max": 9223372036854775807, "min": -9223372036854775808},
          "matrix": [[1, 2], [], [3]]
        }
        """
        let config = try decode(Config.self, json)
        #expect(config.ociVersion == "1.2.0")
        #expect(config.hostname == nil)
        #expect(config.process?.terminal == nil)
        #expect(config.process?.env == nil)
        #expect(config.process?.user == User(uid: 1000, gid: 1000, additionalGids: [4, 24]))
        #expect(config.process?.args == ["sh", "-c", "echo hi"])
        #expect(config.process?.rlimits == [["hard": 1024, "soft": 1024], [:]])
        #expect(config.annotations == ["org.opencontainers.image.title": "x", "a": ""])
        #expect(config.sizes == ["max": Int64.max, "min": Int64.min])
        #expect(config.matrix == [[1, 2], [], [3]])
    }

    @Test func decodesFromValue() throws {
        let value = JSONValue.object([("ociVersion", .string("1.0.0"))])
        let config = try JSONValueDecoder().decode(Config.self, from: value)
        #expect(config == Config(ociVersion: "1.0.0"))
    }

    @Test func exactIntegers() throws {
        let json = """
        {"i": -9223372036854775808, "i8": -128, "i16": 32767, "i32": -2147483648,
         "i64": 9223372036854775807, "u": 18446744073709551615, "u8": 255, "u16": 65535,
         "u32": 4294967295, "u64": 18446744073709551615, "d": 0.1, "f": -1.5e3}
        """
        let n = try decode(Numbers.self, json)
        #expect(n.i == Int.min)
        #expect(n.i8 == Int8.min)
        #expect(n.i16 == Int16.max)
        #expect(n.i32 == Int32.min)
        #expect(n.i64 == Int64.max)
        #expect(n.u == UInt.max)
        #expect(n.u8 == UInt8.max)
        #expect(n.u16 == UInt16.max)
        #expect(n.u32 == UInt32.max)
        #expect(n.u64 == UInt64.max)
        #expect(n.d == 0.1)
        #expect(n.f == -1500)
        #expect(try decode(Int64.self, "-0") == 0)
        #expect(try decode(UInt64.self, "-0") == 0)
        #expect(try decode([UInt64].self, "[18446744073709551615, 0]") == [UInt64.max, 0])
    }

    @Test(arguments: [
        ("{\"value\": 128}", "value: number 128 does not fit in Int8"),
        ("{\"value\": -129}", "value: number -129 does not fit in Int8"),
        ("{\"value\": 1.5}", "value: number 1.5 is not an integer"),
        ("{\"value\": 1e2}", "value: number 1e2 is not an integer"),
        ("{\"value\": 1.0}", "value: number 1.0 is not an integer"),
    ])
    func rejectsBadInt8(_ json: String, _ message: String) {
        #expect(errorText(Wrapper<Int8>.self, json) == message)
    }

    @Test func rejectsOutOfRangeWide() {
        #expect(errorText(Int64.self, "9223372036854775808") == "number 9223372036854775808 does not fit in Int64")
        #expect(errorText(UInt64.self, "18446744073709551616") == "number 18446744073709551616 does not fit in UInt64")
        #expect(errorText(UInt32.self, "-1") == "number -1 does not fit in UInt32")
        #expect(errorText(Double.self, "1e400") == "number 1e400 is not representable as Double")
        #expect(throws: DecodingError.self) { try decode(Float.self, "1e39") }
    }

    @Test func typeMismatchPathText() {
        let json = #"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"args":[7],"cwd":"/"}}"#
        #expect(errorText(Config.self, json) == "process.args[0]: expected String, found number")
        do {
            _ = try decode(Config.self, json)
        } catch let DecodingError.typeMismatch(type, context) {
            #expect(type is String.Type)
            #expect(context.codingPath.map(\.stringValue) == ["process", "args", "Index 0"])
            #expect(context.codingPath.last?.intValue == 0)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [
        ("{}", #"missing key "ociVersion""#),
        (#"{"ociVersion":1}"#, "ociVersion: expected String, found number"),
        (#"{"ociVersion":null}"#, "ociVersion: expected String, found null"),
        (#"{"ociVersion":"1","process":{"args":[],"cwd":"/"}}"#, #"process: missing key "user""#),
        (#"{"ociVersion":"1","process":"x"}"#, "process: expected object, found string"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"args":{},"cwd":"/"}}"#,
         "process.args: expected array, found object"),
        (#"{"ociVersion":"1","annotations":{"io.k8s/name":5}}"#,
         #"annotations["io.k8s/name"]: expected String, found number"#),
        (#"{"ociVersion":"1","process":{"user":{"uid":-1,"gid":0},"args":[],"cwd":"/"}}"#,
         "process.user.uid: number -1 does not fit in UInt32"),
        (#"{"ociVersion":"1","matrix":[[1],[2,true]]}"#, "matrix[1][1]: expected Int, found boolean"),
        (#"{"ociVersion":"1",}"#, "invalid JSON at byte 18: trailing comma before '}'"),
        ("[]", "expected object, found array"),
        ("", "invalid JSON at byte 0: unexpected end of input"),
    ])
    func errorDescriptions(_ json: String, _ expected: String) {
        #expect(errorText(Config.self, json) == expected)
    }

    @Test func errorKinds() {
        #expect {
            try decode(Config.self, "{}")
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, let context)? = error as? DecodingError else { return false }
            return key.stringValue == "ociVersion" && context.codingPath.isEmpty
        }
        #expect {
            try decode(Config.self, #"{"ociVersion":null}"#)
        } throws: { error in
            guard case DecodingError.valueNotFound(_, let context)? = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["ociVersion"]
        }
        #expect {
            try decode(Config.self, "[")
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context)? = error as? DecodingError else { return false }
            return context.underlyingError is JSONError
        }
    }

    @Test func optionalSemantics() throws {
        // Missing and null are both nil; a present value of the wrong type still throws.
        #expect(try decode(OptionalInt.self, "{}").value == nil)
        #expect(try decode(OptionalInt.self, #"{"value":null}"#).value == nil)
        #expect(try decode(OptionalInt.self, #"{"value":3}"#).value == 3)
        #expect(throws: DecodingError.self) { try decode(OptionalInt.self, #"{"value":"3"}"#) }
        #expect(try decode([String?].self, #"["a",null]"#) == ["a", nil])
        #expect(try decode(String?.self, "null") == nil)
        // A generic `T` that happens to be Optional is required, as with Foundation.
        #expect(throws: DecodingError.self) { try decode(Wrapper<Int?>.self, "{}") }
        #expect(try decode(Wrapper<Int?>.self, #"{"value":null}"#).value == nil)
        #expect(throws: DecodingError.self) { try decode([String].self, #"["a",null]"#) }
    }

    @Test func duplicateKeysLastWins() throws {
        #expect(try decode(Wrapper<String>.self, #"{"value":"a","value":"b"}"#).value == "b")
        #expect(try decode([String: Int].self, #"{"k":1,"k":2,"j":3}"#) == ["k": 2, "j": 3])
    }

    @Test func scalarsAtTopLevel() throws {
        #expect(try decode(Bool.self, "true") == true)
        #expect(try decode(String.self, #""\u00e9""#) == "é")
        #expect(try decode(Double.self, "-2.5e-3") == -0.0025)
        #expect(try decode([Double].self, "[1, 2.5]") == [1, 2.5])
        #expect(try decode([Int: String].self, #"{"1":"a","20":"b"}"#) == [1: "a", 20: "b"])
    }

    @Test func manualContainersRoundTrip() throws {
        let json = #"{"name":"n","geometry":{"x":1,"y":-2},"tags":["a",null,"b"],"super":"base"}"#
        let m = try decode(Manual.self, json)
        #expect(m == Manual(name: "n", point: (1, -2), tags: ["a", "b"], base: "base"))
        let out = try JSONValueEncoder().encodeValue(m)
        #expect(out.serialized() == #"{"name":"n","geometry":{"x":1,"y":-2},"tags":["a","b"],"super":"base"}"#)
        #expect(try JSONValueDecoder().decode(Manual.self, from: out) == m)
    }

    @Test func unkeyedContainerAtEnd() {
        struct Pair: Decodable {
            var a: Int
            var b: Int
            init(from decoder: any Decoder) throws {
                var u = try decoder.unkeyedContainer()
                a = try u.decode(Int.self)
                b = try u.decode(Int.self)
            }
        }
        #expect(errorText(Pair.self, "[1]") == "[1]: unkeyed container is at end")
    }
}

@Suite struct JSONEncoderTests {
    private func encoded<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        var encoder = JSONValueEncoder()
        encoder.pretty = pretty
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func nilOptionalOmitsKeyAndOrderIsKept() throws {
        #expect(try encoded(Ordered()) == #"{"zeta":1,"alpha":"a","list":[3,2,1],"nested":{"y":2.5,"x":1}}"#)
        var o = Ordered()
        o.middle = false
        #expect(try encoded(o) == #"{"zeta":1,"alpha":"a","middle":false,"list":[3,2,1],"nested":{"y":2.5,"x":1}}"#)
    }

    @Test func structRoundTrip() throws {
        let config = Config(
            ociVersion: "1.2.0",
            process: Process(
                terminal: true, user: User(uid: 0, gid: 0, additionalGids: nil),
                args: ["sh", "-c", "echo \"hi\"\n"], env: [], cwd: "/", rlimits: [["hard": Int64.min]]),
            hostname: "h",
            annotations: ["z": "1", "a": "2", "m/n": "3"],
            sizes: ["max": Int64.max],
            matrix: [[1], []])
        let bytes = try JSONValueEncoder().encode(config)
        #expect(try JSONValueDecoder().decode(Config.self, from: bytes) == config)
        // Dictionaries are written with sorted keys.
        let value = try JSONValueEncoder().encodeValue(config)
        #expect(value["annotations"]?.objectValue?.map(\.0) == ["a", "m/n", "z"])
        #expect(value["process"]?["user"] == .object([("uid", .number("0")), ("gid", .number("0"))]))
    }

    @Test func exactIntegers() throws {
        #expect(try encoded([UInt64.max]) == "[18446744073709551615]")
        #expect(try encoded(Int64.min) == "-9223372036854775808")
        #expect(try encoded(Wrapper(value: Int8(-5))) == #"{"value":-5}"#)
    }

    @Test(arguments: [
        (1.0, "1"), (-0.0, "-0"), (0.5, "0.5"), (100.0, "100"), (0.1, "0.1"),
        (1e20, "1e+20"), (1.5e-7, "1.5e-07"), (-2.25, "-2.25"),
    ])
    func doubles(_ value: Double, _ expected: String) throws {
        #expect(try encoded(value) == expected)
        #expect(try JSONParser.parse(expected).doubleValue == value)
    }

    @Test func floats() throws {
        #expect(try encoded(Float(0.1)) == "0.1")
        #expect(try encoded(Float(3)) == "3")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteThrows(_ value: Double) {
        #expect(throws: EncodingError.self) { try encoded(value) }
        #expect(throws: EncodingError.self) { try encoded(Wrapper(value: [value])) }
    }

    @Test func nonFiniteErrorPath() {
        do {
            _ = try encoded(Wrapper(value: [1.0, .nan]))
            Issue.record("expected an error")
        } catch {
            #expect(describeDecodingError(error) == "value[1]: cannot encode non-finite Double nan in JSON")
        }
    }

    @Test func pretty() throws {
        let expected = """
        {
          "zeta": 1,
          "alpha": "a",
          "list": [
            3,
            2,
            1
          ],
          "nested": {
            "y": 2.5,
            "x": 1
          }
        }
        """
        #expect(try encoded(Ordered(), pretty: true) == expected)
    }

    @Test func emptyAndNilValues() throws {
        struct Empty: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        struct ExplicitNil: Encodable {
            var v: Int?
            enum CodingKeys: CodingKey { case v }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(v, forKey: .v)
            }
        }
        #expect(try encoded(Empty()) == "{}")
        #expect(try encoded([Empty()]) == "[{}]")
        #expect(try encoded(ExplicitNil()) == #"{"v":null}"#)
        #expect(try encoded([Int?.none, 1]) == "[null,1]")
        #expect(try encoded([String: Int]()) == "{}")
        #expect(try encoded([[Int]]()) == "[]")
    }

    @Test func stringsAreEscaped() throws {
        #expect(try encoded(["k\"": "a/b\u{1}\n"]) == #"{"k\"":"a/b\u0001\n"}"#)
    }
}
