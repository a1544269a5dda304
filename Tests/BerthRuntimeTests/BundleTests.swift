import Testing
import OCI
@testable import BerthRuntime
@testable import LinuxSys

/// The default spec running `true`, changed by `edit`.
private func edited(_ edit: (inout Spec) -> Void) -> Spec {
    var spec = DefaultSpec.make(args: ["true"])
    edit(&spec)
    return spec
}

// Guards that a bad bundle fails with a clear message before anything is created.
@Suite struct BundleTests {
    /// Writes `config` (and a rootfs dir) into a temporary bundle and loads it.
    func load(_ config: [UInt8], rootfs: Bool = true, check: (String, Result<Bundle, RuntimeError>) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            try FileSystem.write(dir + "/config.json", config)
            if rootfs { try FileSystem.makeDirectories(dir + "/rootfs") }
            let result: Result<Bundle, RuntimeError>
            do throws(RuntimeError) { result = .success(try Bundle(path: dir)) } catch { result = .failure(error) }
            try check(dir, result)
        }
    }

    /// The error message `Bundle(path:)` gives for `spec`, or nil if it loads.
    func error(_ spec: Spec, rootfs: Bool = true) throws -> String? {
        var message: String?
        try load(try JSONValueEncoder().encode(spec), rootfs: rootfs) { _, result in
            if case .failure(let error) = result { message = error.message }
        }
        return message
    }

    @Test func validBundleResolvesRelativeRoot() throws {
        try load(try JSONValueEncoder().encode(DefaultSpec.make(args: ["true"]))) { dir, result in
            let bundle = try result.get()
            #expect(bundle.path == dir)
            #expect(bundle.rootfs == dir + "/rootfs")
            #expect(bundle.spec.process?.args == ["true"])
        }
    }

    @Test func absoluteRootIsCleaned() throws {
        try withTemporaryDirectory { dir in
            try FileSystem.makeDirectories(dir + "/elsewhere/root")
            let spec = edited { $0.root = Root(path: dir + "/elsewhere/./root/") }
            try FileSystem.write(dir + "/config.json", try JSONValueEncoder().encode(spec))
            #expect(try Bundle(path: dir + "/").rootfs == dir + "/elsewhere/root")
        }
    }

    @Test func malformedJSON() throws {
        try load(Array("{\"ociVersion\": ".utf8)) { _, result in
            #expect(throws: RuntimeError.self) { try result.get() }
            if case .failure(let error) = result { #expect(error.message.contains("invalid config.json")) }
        }
    }

    @Test func missingConfig() throws {
        try withTemporaryDirectory { dir in
            #expect { try Bundle(path: dir) } throws: { error in
                (error as? RuntimeError)?.message.contains("cannot read \(dir)/config.json") == true
            }
        }
    }

    @Test func missingRootfs() throws {
        #expect(try error(DefaultSpec.make(args: ["true"]), rootfs: false)?.contains("does not exist") == true)
    }

    @Test(arguments: [
        (edited { $0.linux?.namespaces?.append(Namespace(type: "foo")) }, "unknown namespace type \"foo\""),
        (edited { $0.linux?.namespaces?.append(Namespace(type: "pid")) }, "namespace \"pid\" is listed twice"),
        (edited { $0.linux?.namespaces = [Namespace(type: "net", path: "/nonexistent/ns")] }, "unknown namespace type \"net\""),
        (edited { $0.linux?.namespaces = [Namespace(type: "network", path: "/nonexistent/ns")] }, "path /nonexistent/ns does not exist"),
        (edited { $0.process?.args = [] }, "process.args is empty"),
        (edited { $0.process = nil }, "process is missing"),
        (edited { $0.root = nil }, "root.path is missing"),
        (edited { $0.process?.capabilities?.bounding?.append("CAP_FLY") }, "unknown capability \"CAP_FLY\""),
        (edited { $0.process?.rlimits = [Rlimit(type: "RLIMIT_FOO", hard: 1, soft: 1)] }, "unknown rlimit \"RLIMIT_FOO\""),
        (edited { $0.linux?.namespaces?.removeAll { $0.type == "uts" } }, "hostname is set but there is no new uts namespace"),
        (edited { $0.linux?.rootfsPropagation = "sideways" }, "invalid rootfsPropagation \"sideways\""),
        (edited { $0.mounts?.append(Mount(destination: "")) }, "empty destination"),
    ])
    func invalidSpec(spec: Spec, expected: String) throws {
        let message = try error(spec)
        #expect(message?.contains(expected) == true, "got \(message ?? "no error")")
    }
}
