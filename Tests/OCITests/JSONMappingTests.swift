import Testing
@testable import OCI

/// Maps `text` with the hand-written mapping, returning the error's description (or nil on success).
private func mappingError<T: JSONMappable>(_ type: T.Type, _ text: String) -> String? {
    do throws(JSONMappingError) {
        _ = try T(jsonBytes: Array(text.utf8))
        return nil
    } catch {
        return error.description
    }
}

/// Expects the hand-written mapping and the Codable path to agree on `text`: same value, same output bytes.
private func expectParity<T: JSONMappable & Codable & Equatable>(
    _ type: T.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let bytes = Array(text.utf8)
    let viaCodable = try JSONValueDecoder().decode(T.self, from: bytes)
    let viaMapping = try T(jsonBytes: bytes)
    #expect(viaMapping == viaCodable, sourceLocation: sourceLocation)
    #expect(viaMapping.json == (try JSONValueEncoder().encodeValue(viaCodable)), sourceLocation: sourceLocation)
    #expect(viaMapping.jsonBytes() == (try JSONValueEncoder().encode(viaCodable)), sourceLocation: sourceLocation)
    // What we write reads back to the same value through either path.
    #expect(try T(json: viaMapping.json) == viaMapping, sourceLocation: sourceLocation)
    #expect(try JSONValueDecoder().decode(T.self, from: viaMapping.jsonBytes()) == viaMapping, sourceLocation: sourceLocation)
}

/// Expects `value` to encode exactly like `JSONValueEncoder` (tree, compact and pretty) and to map back to itself.
private func expectRoundTrip<T: JSONMappable & Codable & Equatable>(
    _ value: T, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let encoded = try JSONValueEncoder().encodeValue(value)
    #expect(value.json == encoded, sourceLocation: sourceLocation)
    #expect(value.json.serialized() == encoded.serialized(), sourceLocation: sourceLocation)
    #expect(value.json.serialized(pretty: true) == encoded.serialized(pretty: true), sourceLocation: sourceLocation)
    var pretty = JSONValueEncoder()
    pretty.pretty = true
    #expect(value.jsonBytes(pretty: true) == (try pretty.encode(value)), sourceLocation: sourceLocation)
    #expect(try T(json: encoded) == value, sourceLocation: sourceLocation)
    #expect(try T(jsonBytes: value.jsonBytes()) == value, sourceLocation: sourceLocation)
    #expect(try JSONValueDecoder().decode(T.self, from: value.json) == value, sourceLocation: sourceLocation)
}

@Suite struct JSONMappingRoundTripTests {
    @Test func fullSpecMatchesCodable() throws {
        let spec = MappingFixtures.fullSpec
        let encoded = try JSONValueEncoder().encodeValue(spec)
        #expect(try Spec(json: encoded) == spec)
        #expect(spec.json.serialized() == encoded.serialized())
        try expectRoundTrip(spec)
    }

    @Test func fullSpecIsFullyPopulated() throws {
        // Guard against the fixture silently losing fields: every optional of every type is present.
        let spec = MappingFixtures.fullSpec
        let process = try #require(spec.process)
        #expect(process.terminal != nil && process.consoleSize != nil && process.args != nil && process.env != nil)
        #expect(process.capabilities?.ambient != nil && process.capabilities?.inheritable != nil)
        #expect(process.user.umask != nil && process.user.additionalGids != nil && process.user.username != nil)
        #expect(process.rlimits != nil && process.noNewPrivileges != nil && process.apparmorProfile != nil)
        #expect(process.oomScoreAdj != nil && process.selinuxLabel != nil)
        #expect(spec.root?.readonly != nil && spec.hostname != nil && spec.domainname != nil && spec.annotations != nil)
        let hooks = try #require(spec.hooks)
        #expect(hooks.prestart != nil && hooks.createRuntime != nil && hooks.createContainer != nil)
        #expect(hooks.startContainer != nil && hooks.poststart != nil && hooks.poststop != nil)
        let linux = try #require(spec.linux)
        #expect(linux.uidMappings != nil && linux.gidMappings != nil && linux.sysctl != nil && linux.cgroupsPath != nil)
        #expect(linux.namespaces != nil && linux.devices != nil && linux.rootfsPropagation != nil)
        #expect(linux.maskedPaths != nil && linux.readonlyPaths != nil && linux.mountLabel != nil)
        let resources = try #require(linux.resources)
        #expect(resources.unified != nil && resources.pids != nil)
        #expect(resources.memory == MemoryResources(limit: 536_870_912, reservation: 268_435_456, swap: -1, swappiness: 60, disableOOMKiller: false))
        #expect(resources.cpu == CPUResources(shares: 1024, quota: -1, period: 100_000, cpus: "0-3", mems: "0"))
        let seccomp = try #require(linux.seccomp)
        #expect(seccomp.defaultErrnoRet != nil && seccomp.architectures != nil && seccomp.flags != nil)
        #expect(seccomp.syscalls?.last?.errnoRet != nil && seccomp.syscalls?.last?.args?.last?.valueTwo != nil)
    }

    @Test func minimalValuesOmitNilOptionals() throws {
        #expect(Spec().json.serialized() == #"{"ociVersion":"1.0.2"}"#)
        #expect(Process().json.serialized() == #"{"user":{"uid":0,"gid":0},"cwd":"/"}"#)
        #expect(Capabilities().json.serialized() == "{}")
        #expect(Hooks().json.serialized() == "{}")
        #expect(Linux().json.serialized() == "{}")
        #expect(Resources().json.serialized() == "{}")
        #expect(Mount(destination: "/x").json.serialized() == #"{"destination":"/x"}"#)
        try expectRoundTrip(Spec())
        try expectRoundTrip(Process())
        try expectRoundTrip(Linux())
        try expectRoundTrip(Resources())
        try expectRoundTrip(MemoryResources())
        try expectRoundTrip(CPUResources())
        try expectRoundTrip(DeviceCgroupRule(allow: true))
        try expectRoundTrip(Device(type: "u", path: "/dev/null"))
        try expectRoundTrip(Seccomp(defaultAction: "SCMP_ACT_ALLOW"))
        try expectRoundTrip(SeccompSyscall(names: [], action: "SCMP_ACT_KILL"))
        try expectRoundTrip(SeccompArg(index: 1, value: 2, op: "SCMP_CMP_NE"))
        try expectRoundTrip(Hook(path: "/h"))
        try expectRoundTrip(Root(path: "/"))
        try expectRoundTrip(Namespace(type: "pid"))
    }

    @Test func everyNestedTypeMatchesCodable() throws {
        let spec = MappingFixtures.fullSpec
        let process = try #require(spec.process)
        let linux = try #require(spec.linux)
        let resources = try #require(linux.resources)
        let seccomp = try #require(linux.seccomp)
        try expectRoundTrip(process)
        try expectRoundTrip(try #require(process.consoleSize))
        try expectRoundTrip(process.user)
        try expectRoundTrip(try #require(process.capabilities))
        for rlimit in process.rlimits ?? [] { try expectRoundTrip(rlimit) }
        try expectRoundTrip(try #require(spec.root))
        for mount in spec.mounts ?? [] { try expectRoundTrip(mount) }
        try expectRoundTrip(try #require(spec.hooks))
        for hook in spec.hooks?.poststop ?? [] { try expectRoundTrip(hook) }
        try expectRoundTrip(linux)
        for mapping in linux.gidMappings ?? [] { try expectRoundTrip(mapping) }
        for namespace in linux.namespaces ?? [] { try expectRoundTrip(namespace) }
        for device in linux.devices ?? [] { try expectRoundTrip(device) }
        try expectRoundTrip(seccomp)
        for syscall in seccomp.syscalls ?? [] {
            try expectRoundTrip(syscall)
            for arg in syscall.args ?? [] { try expectRoundTrip(arg) }
        }
        try expectRoundTrip(resources)
        for rule in resources.devices ?? [] { try expectRoundTrip(rule) }
        try expectRoundTrip(try #require(resources.memory))
        try expectRoundTrip(try #require(resources.cpu))
        try expectRoundTrip(try #require(resources.pids))
    }

    @Test func mapKeysAreSortedByUTF8Bytes() {
        let spec = Spec(annotations: ["b": "2", "é": "4", "B": "1", "a": "3", "a.b": "5", "": "0"])
        #expect(spec.json.serialized() == #"{"ociVersion":"1.0.2","annotations":{"":"0","B":"1","a":"3","a.b":"5","b":"2","é":"4"}}"#)
        let keys = MappingFixtures.fullSpec.json["linux"]?["resources"]?["unified"]?.objectValue?.map(\.0)
        #expect(keys == ["cpu.weight", "io.max", "memory.high"])
    }

    @Test func fullSpecPrettyOutputStable() throws {
        // Two encodings of the same value are byte-identical (no dictionary-order nondeterminism).
        let a = MappingFixtures.fullSpec.jsonBytes(pretty: true)
        let b = try Spec(json: MappingFixtures.fullSpec.json).jsonBytes(pretty: true)
        #expect(b == a)
    }

    @Test(arguments: [
        ContainerState(id: "web", status: "creating", pid: nil, bundle: "/run/b"),
        ContainerState(id: "web", status: "running", pid: 4242, bundle: "/run/b"),
        ContainerState(
            ociVersion: "1.2.0", id: "c-1", status: "stopped", pid: Int32.max, bundle: "/var/lib/berth/c-1",
            rootfs: "/var/lib/berth/c-1/rootfs", created: "2024-05-01T12:00:00.123456789Z",
            annotations: ["z": "last", "a": "first", "io.berth/k": "v"]),
        ContainerState(id: "", status: "paused", pid: Int32.min, bundle: "", annotations: [:]),
    ])
    func containerStateRoundTrip(_ state: ContainerState) throws {
        try expectRoundTrip(state)
        let text = String(decoding: state.jsonBytes(), as: UTF8.self)
        try expectParity(ContainerState.self, text)
    }

    @Test func containerStateText() throws {
        let state = ContainerState(id: "web", status: "created", pid: 7, bundle: "/b", annotations: ["y": "2", "x": "1"])
        #expect(state.json.serialized() == #"{"ociVersion":"1.0.2","id":"web","status":"created","pid":7,"bundle":"/b","annotations":{"x":"1","y":"2"}}"#)
        let noPid = ContainerState(id: "web", status: "stopped", pid: nil, bundle: "/b")
        #expect(noPid.json.serialized() == #"{"ociVersion":"1.0.2","id":"web","status":"stopped","bundle":"/b"}"#)
        #expect(try ContainerState(jsonBytes: Array(#"{"ociVersion":"1","id":"i","status":"s","pid":null,"bundle":"b"}"#.utf8)).pid == nil)
        #expect(mappingError(ContainerState.self, #"{"ociVersion":"1","id":"i","status":"s","pid":2147483648,"bundle":"b"}"#)
            == "pid: 2147483648 does not fit in Int32")
        #expect(mappingError(ContainerState.self, #"{"ociVersion":"1","id":"i","status":"s"}"#)
            == #"missing required key "bundle""#)
    }
}

@Suite struct JSONMappingParityTests {
    @Test(arguments: [
        ("docker", MappingFixtures.dockerConfig),
        ("runc spec", MappingFixtures.runcSpecConfig),
        ("rootless", MappingFixtures.rootlessConfig),
        ("edge cases", MappingFixtures.edgeCaseConfig),
        ("minimal", MappingFixtures.minimalConfig),
    ])
    func decodesLikeCodable(_ name: String, _ text: String) throws {
        try expectParity(Spec.self, text)
    }

    @Test func fullSpecTextParity() throws {
        try expectParity(Spec.self, MappingFixtures.fullSpec.json.serialized(pretty: true))
    }

    @Test func dockerConfigValues() throws {
        let spec = try Spec(jsonBytes: Array(MappingFixtures.dockerConfig.utf8))
        #expect(spec.ociVersion == "1.0.2-dev")
        #expect(spec.process?.user.additionalGids == [0, 1, 2, 3, 4, 6, 10, 11, 20, 26, 27])
        #expect(spec.process?.consoleSize == ConsoleSize(height: 50, width: 200))
        #expect(spec.process?.capabilities?.inheritable == nil)
        #expect(spec.mounts?.count == 10)
        #expect(spec.mounts?[7].source == "/var/lib/docker/containers/3f1c0a2b9d8e/resolv.conf")
        #expect(spec.hooks?.prestart?.first?.args?.first == "libnetwork-setkey")
        #expect(spec.linux?.resources?.memory == MemoryResources(limit: 536_870_912, swap: 1_073_741_824))
        #expect(spec.linux?.resources?.pids == PidsResources(limit: 100))
        #expect(spec.linux?.resources?.devices?[3] == DeviceCgroupRule(allow: true, type: "c", major: 136, minor: -1, access: "rwm"))
        #expect(spec.linux?.namespaces?.map(\.type) == ["mount", "network", "uts", "pid", "ipc", "cgroup"])
        let clone = spec.linux?.seccomp?.syscalls?[3]
        #expect(clone?.args == [SeccompArg(index: 0, value: 2_114_060_288, valueTwo: 0, op: "SCMP_CMP_MASKED_EQ")])
        #expect(spec.linux?.seccomp?.syscalls?.last?.errnoRet == 38)
        // Unknown members (blockIO, hugepageLimits) are dropped on output, like Codable.
        #expect(spec.json["linux"]?["resources"]?["blockIO"] == nil)
    }

    @Test func edgeCaseValues() throws {
        let spec = try Spec(jsonBytes: Array(MappingFixtures.edgeCaseConfig.utf8))
        #expect(spec.ociVersion == "1.0.0")
        #expect(spec.annotations == ["k": "2", "": "empty key"])
        #expect(spec.process?.user == User(uid: 0, gid: 7))
        #expect(spec.process?.args == nil && spec.process?.terminal == nil && spec.root == nil)
        #expect(spec.linux?.resources?.memory == MemoryResources(limit: -1))
        #expect(spec.linux?.resources?.unified == [:])
        #expect(spec.mounts == [] && spec.hooks == Hooks())
    }

    @Test(arguments: [
        ("9223372036854775807", Int64.max),
        ("-9223372036854775808", Int64.min),
        ("-0", 0),
        ("0", 0),
        ("-1", -1),
    ])
    func int64Limits(_ lexeme: String, _ expected: Int64) throws {
        let text = #"{"ociVersion":"1","linux":{"resources":{"memory":{"limit":\#(lexeme)}}}}"#
        #expect(try Spec(jsonBytes: Array(text.utf8)).linux?.resources?.memory?.limit == expected)
        try expectParity(Spec.self, text)
    }

    @Test(arguments: ["18446744073709551615", "0", "-0", "1"])
    func uint64Limits(_ lexeme: String) throws {
        try expectParity(Rlimit.self, #"{"type":"RLIMIT_CORE","hard":\#(lexeme),"soft":\#(lexeme)}"#)
    }
}

@Suite struct JSONMappingErrorTests {
    private static let user = #""user":{"uid":0,"gid":0}"#

    @Test(arguments: [
        // Top level.
        ("{}", #"missing required key "ociVersion""#),
        ("[]", "expected an object, found an array"),
        ("null", "expected an object, found null"),
        (#"{"ociVersion":1}"#, "ociVersion: expected a string, found a number"),
        (#"{"ociVersion":null}"#, "ociVersion: expected a string, found null"),
        (#"{"ociVersion":"1","hostname":false}"#, "hostname: expected a string, found a boolean"),
        (#"{"ociVersion":"1","mounts":"x"}"#, "mounts: expected an array, found a string"),
        (#"{"ociVersion":"1","root":{"path":"r","readonly":"yes"}}"#, "root.readonly: expected a boolean, found a string"),
        (#"{"ociVersion":"1","root":{}}"#, #"root: missing required key "path""#),
        // Process.
        (#"{"ociVersion":"1","process":"x"}"#, "process: expected an object, found a string"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"args":[7],"cwd":"/"}}"#,
         "process.args[0]: expected a string, found a number"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"args":["a",null],"cwd":"/"}}"#,
         "process.args[1]: expected a string, found null"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"args":{},"cwd":"/"}}"#,
         "process.args: expected an array, found an object"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0}}}"#, #"process: missing required key "cwd""#),
        (#"{"ociVersion":"1","process":{"cwd":"/"}}"#, #"process: missing required key "user""#),
        (#"{"ociVersion":"1","process":{"user":null,"cwd":"/"}}"#, "process.user: expected an object, found null"),
        (#"{"ociVersion":"1","process":{"user":{"uid":4294967296,"gid":0},"cwd":"/"}}"#,
         "process.user.uid: 4294967296 does not fit in UInt32"),
        (#"{"ociVersion":"1","process":{"user":{"uid":-1,"gid":0},"cwd":"/"}}"#,
         "process.user.uid: -1 does not fit in UInt32"),
        (#"{"ociVersion":"1","process":{"user":{"uid":"0","gid":0},"cwd":"/"}}"#,
         "process.user.uid: expected an integer, found a string"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0},"cwd":"/"}}"#, #"process.user: missing required key "gid""#),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0,"additionalGids":[1,2.5]},"cwd":"/"}}"#,
         "process.user.additionalGids[1]: 2.5 is not an integer"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"cwd":"/","consoleSize":{"height":-1,"width":1}}}"#,
         "process.consoleSize.height: -1 does not fit in UInt"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"cwd":"/","oomScoreAdj":9223372036854775808}}"#,
         "process.oomScoreAdj: 9223372036854775808 does not fit in Int"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"cwd":"/","rlimits":[{"type":"RLIMIT_NOFILE","hard":"x","soft":1}]}}"#,
         "process.rlimits[0].hard: expected an integer, found a string"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"cwd":"/","capabilities":{"ambient":[true]}}}"#,
         "process.capabilities.ambient[0]: expected a string, found a boolean"),
        (#"{"ociVersion":"1","process":{"user":{"uid":0,"gid":0},"cwd":"/","terminal":1}}"#,
         "process.terminal: expected a boolean, found a number"),
        // Mounts and hooks.
        (#"{"ociVersion":"1","mounts":[{"destination":"/a"},{"destination":"/b"},{"type":"bind"}]}"#,
         #"mounts[2]: missing required key "destination""#),
        (#"{"ociVersion":"1","mounts":[{"destination":"/a"},{"destination":"/b"},{"destination":true}]}"#,
         "mounts[2].destination: expected a string, found a boolean"),
        (#"{"ociVersion":"1","mounts":[{"destination":"/a","options":["ro",1]}]}"#,
         "mounts[0].options[1]: expected a string, found a number"),
        (#"{"ociVersion":"1","hooks":{"poststop":[{"path":"/x"},{"args":[]}]}}"#,
         #"hooks.poststop[1]: missing required key "path""#),
        (#"{"ociVersion":"1","hooks":{"prestart":[{"path":"/x","timeout":0.5}]}}"#,
         "hooks.prestart[0].timeout: 0.5 is not an integer"),
        // Annotations (map keys render bare when they are identifiers, quoted otherwise).
        (#"{"ociVersion":"1","annotations":{"io.k8s/name":5}}"#,
         #"annotations["io.k8s/name"]: expected a string, found a number"#),
        (#"{"ociVersion":"1","annotations":{"foo":null}}"#, "annotations.foo: expected a string, found null"),
        (#"{"ociVersion":"1","annotations":{"a\"b":[]}}"#, #"annotations["a\"b"]: expected a string, found an array"#),
        (#"{"ociVersion":"1","annotations":[]}"#, "annotations: expected an object, found an array"),
        // Linux.
        (#"{"ociVersion":"1","linux":{"namespaces":[{"type":null}]}}"#,
         "linux.namespaces[0].type: expected a string, found null"),
        (#"{"ociVersion":"1","linux":{"namespaces":[{"path":"/p"}]}}"#,
         #"linux.namespaces[0]: missing required key "type""#),
        (#"{"ociVersion":"1","linux":{"sysctl":{"net.ipv4.ip_forward":1}}}"#,
         #"linux.sysctl["net.ipv4.ip_forward"]: expected a string, found a number"#),
        (#"{"ociVersion":"1","linux":{"uidMappings":[{"containerID":0,"hostID":0,"size":4294967296}]}}"#,
         "linux.uidMappings[0].size: 4294967296 does not fit in UInt32"),
        (#"{"ociVersion":"1","linux":{"devices":[{"type":"c","path":"/dev/x","major":1e2}]}}"#,
         "linux.devices[0].major: 1e2 is not an integer"),
        (#"{"ociVersion":"1","linux":{"devices":[{"type":"c"}]}}"#, #"linux.devices[0]: missing required key "path""#),
        (#"{"ociVersion":"1","linux":{"seccomp":{}}}"#, #"linux.seccomp: missing required key "defaultAction""#),
        (#"{"ociVersion":"1","linux":{"seccomp":{"defaultAction":"A","syscalls":[{"names":["a"],"action":"A"},{"names":["b"],"action":"A","args":[{"index":0,"value":-1,"op":"SCMP_CMP_EQ"}]}]}}}"#,
         "linux.seccomp.syscalls[1].args[0].value: -1 does not fit in UInt64"),
        (#"{"ociVersion":"1","linux":{"seccomp":{"defaultAction":"A","syscalls":[{"action":"A"}]}}}"#,
         #"linux.seccomp.syscalls[0]: missing required key "names""#),
        // Resources.
        (#"{"ociVersion":"1","linux":{"resources":{"memory":{"limit":1.5}}}}"#,
         "linux.resources.memory.limit: 1.5 is not an integer"),
        (#"{"ociVersion":"1","linux":{"resources":{"memory":{"limit":99999999999999999999}}}}"#,
         "linux.resources.memory.limit: 99999999999999999999 does not fit in Int64"),
        (#"{"ociVersion":"1","linux":{"resources":{"memory":{"limit":1.0}}}}"#,
         "linux.resources.memory.limit: 1.0 is not an integer"),
        (#"{"ociVersion":"1","linux":{"resources":{"memory":{"swappiness":-1}}}}"#,
         "linux.resources.memory.swappiness: -1 does not fit in UInt64"),
        (#"{"ociVersion":"1","linux":{"resources":{"cpu":{"shares":18446744073709551616}}}}"#,
         "linux.resources.cpu.shares: 18446744073709551616 does not fit in UInt64"),
        (#"{"ociVersion":"1","linux":{"resources":{"pids":{"limit":null}}}}"#,
         "linux.resources.pids.limit: expected an integer, found null"),
        (#"{"ociVersion":"1","linux":{"resources":{"pids":{}}}}"#, #"linux.resources.pids: missing required key "limit""#),
        (#"{"ociVersion":"1","linux":{"resources":{"devices":[{"access":"rwm"}]}}}"#,
         #"linux.resources.devices[0]: missing required key "allow""#),
        (#"{"ociVersion":"1","linux":{"resources":{"unified":{"memory.max":100}}}}"#,
         #"linux.resources.unified["memory.max"]: expected a string, found a number"#),
        // Syntax errors keep the parser's byte offset.
        (#"{"ociVersion":"1",}"#, "invalid JSON at byte 18: trailing comma before '}'"),
        ("", "invalid JSON at byte 0: unexpected end of input"),
        (#"{"ociVersion":"1"} x"#, "invalid JSON at byte 19: unexpected 'x' after JSON value"),
    ])
    func errorText(_ json: String, _ expected: String) {
        #expect(mappingError(Spec.self, json) == expected)
        // Codable rejects exactly the same documents, at the same path.
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Spec.self, from: Array(json.utf8)) }
        do {
            _ = try JSONValueDecoder().decode(Spec.self, from: Array(json.utf8))
        } catch {
            let codable = describeDecodingError(error)
            if let colon = expected.firstRange(of: ": "), !expected.hasPrefix("invalid JSON") {
                let path = String(expected[..<colon.lowerBound])
                #expect(codable.hasPrefix(path + ": "), "Codable said \(codable)")
            }
        }
    }

    @Test func errorFields() {
        do throws(JSONMappingError) {
            _ = try Spec(json: .object([("ociVersion", .string("1")), ("linux", .object([("namespaces", .array([.object([])]))]))]))
            Issue.record("expected an error")
        } catch {
            #expect(error == JSONMappingError(path: "linux.namespaces[0]", message: #"missing required key "type""#))
            #expect(error.path == "linux.namespaces[0]")
            #expect(error.message == #"missing required key "type""#)
        }
        #expect(JSONMappingError(message: "m").description == "m")
        #expect(JSONMappingError(path: "a.b", message: "m").description == "a.b: m")
    }

    @Test func invalidJSONHasEmptyPath() {
        do throws(JSONMappingError) {
            _ = try ContainerState(jsonBytes: Array("{\"id\" 1}".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "")
            #expect(error.message == "invalid JSON at byte 6: expected ':' after object key")
        }
    }

    @Test func firstErrorInDeclarationOrderWins() {
        // Both ociVersion and process are wrong; like Codable's synthesized init, ociVersion is reported.
        #expect(mappingError(Spec.self, #"{"process":1,"ociVersion":2}"#) == "ociVersion: expected a string, found a number")
    }

    @Test(arguments: [
        ("Int32 pid", #"{"ociVersion":"1","id":"i","status":"s","bundle":"b","pid":-2147483649}"#, "pid: -2147483649 does not fit in Int32"),
        ("exponent", #"{"ociVersion":"1","id":"i","status":"s","bundle":"b","pid":1E1}"#, "pid: 1E1 is not an integer"),
        ("negative exponent", #"{"ociVersion":"1","id":"i","status":"s","bundle":"b","pid":-5e-1}"#, "pid: -5e-1 is not an integer"),
        ("bool", #"{"ociVersion":"1","id":"i","status":"s","bundle":"b","pid":true}"#, "pid: expected an integer, found a boolean"),
        ("annotations", #"{"ociVersion":"1","id":"i","status":"s","bundle":"b","annotations":{"1x":false}}"#,
         #"annotations["1x"]: expected a string, found a boolean"#),
    ])
    func containerStateErrors(_ name: String, _ json: String, _ expected: String) {
        #expect(mappingError(ContainerState.self, json) == expected)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(ContainerState.self, from: Array(json.utf8)) }
    }
}
