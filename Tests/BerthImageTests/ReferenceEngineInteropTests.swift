import BerthArchive
import BerthTestSupport
@testable import BerthImage
import Foundation
import Testing

/// Guards interoperability with the reference engine (dockerd from Debian's
/// docker.io): an image saved by Berth loads into dockerd and runs there; one
/// saved by dockerd loads into Berth with the same ID and runs under
/// berth-runtime on an overlay of Berth's layers.
@Suite(.enabled(if: getuid() == 0 && Interop.dockerHost != nil,
                "needs root and a reference dockerd (BERTH_REFERENCE_DOCKER_HOST; scripts/test starts one)"))
struct ReferenceEngineInteropRootTests {
    let root = NSTemporaryDirectory() + "berth-interop-\(UUID().uuidString)"
    let tag = "t" + UUID().uuidString.prefix(8).lowercased()

    @Test func berthSavedImageRunsUnderDockerd() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try ImageStore(root: root + "/store")
        let tar = try Interop.busyboxRootfsTar(in: root)
        let fd = open(tar, O_RDONLY)
        defer { close(fd) }
        let name = "berth-interop:" + tag
        let id = try store.importRootfs(from: FileDescriptorByteSource(fileDescriptor: fd), changes: ["CMD [\"sh\"]"],
                                        reference: try ImageReference.parse(name))
        let archive = root + "/saved.tar"
        let saved = try store.save([name], to: MemoryByteSink()).bytes
        try Data(saved).write(to: URL(fileURLWithPath: archive))
        defer { Interop.docker(["rmi", "-f", name]) }
        let load = Interop.docker(["load", "-i", archive])
        #expect(load.status == 0, "\(load.output)")
        #expect(load.output.contains("Loaded image: \(name)"), "\(load.output)")
        #expect(Interop.docker(["image", "inspect", "--format", "{{.Id}}", name]).output.trimmingCharacters(in: .whitespacesAndNewlines) == id.description)
        let run = Interop.docker(["run", "--rm", "--network", "none", name, "echo", "hello from berth"])
        #expect(run.output == "hello from berth\n", "\(run.output)")
    }

    @Test func dockerdSavedImageLoadsAndRunsUnderBerth() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tar = try Interop.busyboxRootfsTar(in: root)
        let name = "dockerd-interop:" + tag
        #expect(Interop.docker(["import", "--change", "CMD [\"sh\"]", tar, name]).status == 0)
        defer { Interop.docker(["rmi", "-f", name]) }
        let archive = root + "/from-dockerd.tar"
        #expect(Interop.docker(["save", "-o", archive, name]).status == 0)
        let dockerID = Interop.docker(["image", "inspect", "--format", "{{.Id}}", name]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let store = try ImageStore(root: root + "/store")
        let fd = open(archive, O_RDONLY)
        defer { close(fd) }
        let loaded = try store.load(from: FileDescriptorByteSource(fileDescriptor: fd))
        #expect(loaded.map(\.id.description) == [dockerID])
        #expect(try store.resolve(name).description == dockerID)
        // Run it: overlay of Berth's layers, then berth-runtime.
        let image = try store.image(try store.resolve(name))
        let top = try #require(image.metadata.topLayer)
        let bundle = root + "/bundle"
        for directory in ["upper", "work", "rootfs"] {
            try FileManager.default.createDirectory(atPath: bundle + "/" + directory, withIntermediateDirectories: true)
        }
        try OverlayMount.mount(store: store.layers, top: top, upper: bundle + "/upper", work: bundle + "/work", target: bundle + "/rootfs")
        defer { try? OverlayMount.unmount(bundle + "/rootfs") }
        let runtime = Interop.berthRuntime
        #expect(Interop.run([runtime, "spec", "--bundle", bundle]).status == 0)
        var config = try String(contentsOfFile: bundle + "/config.json", encoding: .utf8)
        config = config.replacingOccurrences(of: "\"sh\"\n", with: "\"echo\", \"hello from dockerd's image\"\n")
        try config.write(toFile: bundle + "/config.json", atomically: true, encoding: .utf8)
        let run = Interop.run([runtime, "--root", root + "/state", "run", "--bundle", bundle, "interop-" + tag])
        #expect(run.output == "hello from dockerd's image\n", "\(run.output)")
    }
}

/// Helpers for talking to the reference engine and running commands.
enum Interop {
    static let dockerHost = ProcessInfo.processInfo.environment["BERTH_REFERENCE_DOCKER_HOST"]

    static var repositoryRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    static var berthRuntime: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("berth-runtime").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/berth-runtime"
    }

    /// A busybox rootfs (scripts/make-busybox-rootfs) as a tar made by GNU tar.
    static func busyboxRootfsTar(in directory: String) throws -> String {
        let rootfs = directory + "/rootfs"
        #expect(run([repositoryRoot + "/scripts/make-busybox-rootfs", rootfs]).status == 0)
        let tar = directory + "/rootfs.tar"
        #expect(run(["/bin/tar", "-C", rootfs, "-cf", tar, "."]).status == 0)
        return tar
    }

    @discardableResult
    static func docker(_ arguments: [String]) -> (status: Int32, output: String) {
        run(["/usr/local/bin/docker"] + arguments, environment: ["DOCKER_HOST": dockerHost ?? ""])
    }

    /// Runs a command (see `SpawnedCommand`); its stdout and then its stderr as one text.
    static func run(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: String) {
        let result = SpawnedCommand.run(arguments, environment: environment)
        return (result.status, result.stdout + result.stderr)
    }
}
