import Logging
import Testing

@testable import BerthDaemon

@Suite struct DaemonConfigurationTests {
    private func file(_ json: String) throws -> DaemonConfigFile {
        try DaemonConfigFile(json: Array(json.utf8), path: "/etc/berth/daemon.json")
    }

    @Test func defaults() throws {
        let configuration = try DaemonConfiguration(flags: DaemonFlags(), file: DaemonConfigFile(), defaultRuntime: "/bin/rt")
        #expect(configuration.host.socketPath == "/run/berth/berth.sock")
        #expect(configuration.dataRoot == "/var/lib/berth")
        #expect(configuration.runtimePath == "/bin/rt")
        #expect(configuration.logLevel == .info)
    }

    @Test func fileOverridesDefaultsAndFlagsOverrideFile() throws {
        let parsed = try file(#"{"hosts":["unix:///tmp/f.sock"],"data-root":"/srv/file","log-level":"debug"}"#)
        let fromFile = try DaemonConfiguration(flags: DaemonFlags(), file: parsed, defaultRuntime: "rt")
        #expect(fromFile.host.socketPath == "/tmp/f.sock")
        #expect(fromFile.dataRoot == "/srv/file")
        #expect(fromFile.logLevel == .debug)
        let flags = DaemonFlags(host: "unix:///tmp/flag.sock", dataRoot: "/srv/flag", runtime: "/opt/rt", logLevel: "warn")
        let fromFlags = try DaemonConfiguration(flags: flags, file: parsed, defaultRuntime: "rt")
        #expect(fromFlags.host.socketPath == "/tmp/flag.sock")
        #expect(fromFlags.dataRoot == "/srv/flag")
        #expect(fromFlags.runtimePath == "/opt/rt")
        #expect(fromFlags.logLevel == .warning)
    }

    @Test func unknownKeyIsNamed() {
        #expect(throws: DaemonConfigurationError.unknownKey(file: "/etc/berth/daemon.json", key: "storage-driver")) {
            try file(#"{"data-root":"/x","storage-driver":"vfs"}"#)
        }
    }

    @Test(arguments: [#"{"#, #"[1]"#, #"{"hosts":"unix:///x"}"#, #"{"data-root":3}"#])
    func malformedFilesAreRejected(json: String) {
        #expect(throws: DaemonConfigurationError.self) { try file(json) }
    }

    @Test(arguments: ["tcp://0.0.0.0:2375", "unix://relative", "fd://"])
    func onlyUnixHosts(host: String) {
        #expect(throws: DaemonConfigurationError.unsupportedHost(host)) { try HostAddress(parsing: host) }
    }

    @Test func oneHostOnly() throws {
        let parsed = try file(#"{"hosts":["unix:///a","unix:///b"]}"#)
        #expect(throws: DaemonConfigurationError.tooManyHosts(["unix:///a", "unix:///b"])) {
            try DaemonConfiguration(flags: DaemonFlags(), file: parsed, defaultRuntime: "rt")
        }
    }

    @Test func badLogLevel() {
        #expect(throws: DaemonConfigurationError.invalidLogLevel("loud")) { try DaemonConfiguration.parseLevel("loud") }
    }

    @Test func explicitMissingFileIsAnError() {
        #expect(throws: DaemonConfigurationError.self) {
            try DaemonConfigFile.load(path: "/nonexistent/daemon.json", required: true)
        }
        #expect((try? DaemonConfigFile.load(path: "/nonexistent/daemon.json", required: false)) == DaemonConfigFile())
    }
}
