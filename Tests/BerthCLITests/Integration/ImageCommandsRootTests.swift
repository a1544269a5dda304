import BerthTestSupport
import Foundation
import Testing

/// Root integration: image commands of the real `berth` binary against berthd.
@Suite(.serialized) struct ImageCommandsRootTests {
    @Test func importImagesTagHistoryRmi() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        let images = cli.berth(["images"])
        let lines = images.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("REPOSITORY   TAG       IMAGE ID       CREATED   ") == true && lines.first?.hasSuffix("   SIZE") == true)
        #expect(lines.count == 2 && lines[1].hasPrefix("busybox      latest    "))

        #expect(cli.berth(["tag", "busybox", "mybox:v1"]).status == 0)
        #expect(cli.berth(["images", "--format", "{{.Repository}}:{{.Tag}}"]).stdout.split(separator: "\n").sorted() == ["busybox:latest", "mybox:v1"])
        let ids = cli.berth(["images", "-q"]).stdout.split(separator: "\n")
        #expect(ids.count == 2 && ids[0] == ids[1] && ids[0].count == 12)

        let history = cli.berth(["history", "busybox"])
        #expect(history.stdout.hasPrefix("IMAGE          CREATED   ") && history.stdout.contains("   CREATED BY   SIZE      COMMENT\n"))
        #expect(history.stdout.contains("Imported from"))
        #expect(cli.berth(["image", "history", "-q", "busybox"]).stdout == String(ids[0]) + "\n")

        let rmi = cli.berth(["rmi", "mybox:v1"])
        #expect(rmi.status == 0 && rmi.stdout == "Untagged: mybox:v1\n")
        let missing = cli.berth(["rmi", "nosuch"])
        #expect(missing.status == 1 && missing.stderr.contains("No such image"))
        #expect(cli.berth(["image", "inspect", "-f", "{{.Os}}", "busybox"]).stdout == "linux\n")
    }

    @Test func saveLoadAndImportFromStdin() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        let archive = cli.directory + "/saved.tar"
        let save = cli.berth(["save", "-o", archive, "busybox"])
        #expect(save.status == 0, "\(save.stderr)")
        #expect(((try? FileManager.default.attributesOfItem(atPath: archive)[.size] as? Int) ?? 0) > 1_000_000)

        #expect(cli.berth(["rmi", "busybox"]).status == 0)
        #expect(cli.berth(["images", "-q"]).stdout == "")
        let load = cli.berth(["load", "-i", archive])
        #expect(load.status == 0 && load.stdout.contains("Loaded image: busybox:latest"), "\(load.stdout) \(load.stderr)")
        #expect(cli.berth(["run", "--rm", "busybox", "echo", "reloaded"]).stdout == "reloaded\n")

        let tarball = try Data(contentsOf: URL(fileURLWithPath: cli.directory + "/bb.tar"))
        let imported = cli.berth(["import", "-c", "CMD [\"echo\", \"from-import\"]", "-m", "piped", "-", "piped:v2"], stdin: tarball)
        #expect(imported.status == 0 && imported.stdout.hasPrefix("sha256:"), "\(imported.stderr)")
        #expect(cli.berth(["image", "inspect", "-f", "{{.Comment}} {{json .Config.Cmd}}", "piped:v2"]).stdout == "piped [\"echo\",\"from-import\"]\n")
    }

    @Test func versionAndInfo() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        let version = cli.berth(["version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("Client:\n Version:") && version.stdout.contains("\nServer:"))
        #expect(cli.berth(["version", "--format", "{{.Server.ApiVersion}}"]).stdout == "1.44\n")
        let info = cli.berth(["info", "--format", "{{.OSType}}"])
        #expect(info.stdout == "linux\n")
        let plain = cli.berth(["info"])
        #expect(plain.status == 0 && plain.stdout.contains("\nServer:\n Containers: "))
    }
}
