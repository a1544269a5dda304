import Testing
import OCI
@testable import BerthRuntime

// Guards that `berth-runtime spec` writes a Docker-like config that round-trips through the JSON codec.
@Suite struct DefaultSpecTests {
    let spec = DefaultSpec.make(args: ["true"])

    @Test func roundTrips() throws {
        let bytes = try JSONValueEncoder().encode(spec)
        #expect(try JSONValueDecoder().decode(Spec.self, from: bytes) == spec)
        var pretty = JSONValueEncoder()
        pretty.pretty = true
        #expect(try JSONValueDecoder().decode(Spec.self, from: pretty.encode(spec)) == spec)
    }

    @Test func process() {
        #expect(spec.process?.args == ["true"])
        #expect(spec.process?.terminal == false)
        #expect(spec.process?.capabilities?.bounding == CapabilityName.dockerDefaults)
        #expect(spec.process?.rlimits == [Rlimit(type: "RLIMIT_NOFILE", hard: 1024, soft: 1024)])
        #expect(DefaultSpec.make(terminal: true).process?.terminal == true)
        #expect(DefaultSpec.make().process?.args == ["sh"])
    }

    @Test func namespaces() {
        #expect(spec.linux?.namespaces?.map(\.type) == ["pid", "network", "ipc", "uts", "mount", "cgroup"])
        #expect(spec.linux?.namespaces?.allSatisfy { $0.path == nil } == true)
    }

    @Test func maskedAndReadonlyPaths() {
        #expect(spec.linux?.maskedPaths?.contains("/proc/kcore") == true)
        #expect(spec.linux?.readonlyPaths?.contains("/proc/sys") == true)
    }

    @Test(arguments: ["/proc", "/dev", "/dev/pts", "/sys", "/dev/shm"])
    func mounts(destination: String) {
        #expect(spec.mounts?.contains { $0.destination == destination } == true)
    }

    @Test func rootAndDevices() {
        #expect(spec.root == Root(path: "rootfs", readonly: false))
        #expect(DefaultSpec.make(rootfs: "/abs").root?.path == "/abs")
        #expect(spec.linux?.resources?.devices?.first == DeviceCgroupRule(allow: false, access: "rwm"))
        #expect(spec.hostname == "berth")
    }

    @Test func passesBundleValidation() throws {
        try Bundle.validate(spec)
    }
}
