import ArgumentParser
import OCI

/// `berth info`: system-wide information, in docker's layout.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Display system-wide information")

    @Option(name: [.customShort("f"), .long], help: "Format output using a custom template") var format: String = ""

    func run() throws {
        let client = APIClient()
        let info = try client.json("GET", "/info")
        if !format.isEmpty {
            try InspectCommand.print([info], format: format)
            return
        }
        func field(_ key: String) -> String { info[key].map { TemplateEvaluator.display($0) } ?? "" }
        var text = "Client:\n Version:    \(VersionCommand.clientVersion)\n Context:    default\n Debug Mode: false\n\nServer:\n"
        text += " Containers: \(field("Containers"))\n"
        text += "  Running: \(field("ContainersRunning"))\n  Paused: \(field("ContainersPaused"))\n  Stopped: \(field("ContainersStopped"))\n"
        text += " Images: \(field("Images"))\n"
        text += " Server Version: \(field("ServerVersion"))\n"
        text += " Storage Driver: \(field("Driver"))\n"
        for pair in info["DriverStatus"]?.arrayValue ?? [] {
            let items = pair.arrayValue ?? []
            if items.count == 2 { text += "  \(TemplateEvaluator.display(items[0])): \(TemplateEvaluator.display(items[1]))\n" }
        }
        text += " Logging Driver: \(field("LoggingDriver"))\n"
        text += " Cgroup Driver: \(field("CgroupDriver"))\n"
        text += " Cgroup Version: \(field("CgroupVersion"))\n"
        let runtimes = (info["Runtimes"]?.objectValue ?? []).map(\.0)
        text += " Runtimes: \(runtimes.joined(separator: " "))\n"
        text += " Default Runtime: \(field("DefaultRuntime"))\n"
        text += " Kernel Version: \(field("KernelVersion"))\n"
        text += " Operating System: \(field("OperatingSystem"))\n"
        text += " OSType: \(field("OSType"))\n"
        text += " Architecture: \(field("Architecture"))\n"
        text += " CPUs: \(field("NCPU"))\n"
        text += " Total Memory: \(Units.bytesSize(info["MemTotal"]?.doubleValue ?? 0))\n"
        text += " Name: \(field("Name"))\n"
        text += " ID: \(field("ID"))\n"
        text += " Docker Root Dir: \(field("DockerRootDir"))\n"
        text += " Debug Mode: \(field("Debug").isEmpty ? "false" : field("Debug"))\n"
        text += " Experimental: \(field("ExperimentalBuild").isEmpty ? "false" : field("ExperimentalBuild"))\n"
        text += " Live Restore Enabled: \(field("LiveRestoreEnabled").isEmpty ? "false" : field("LiveRestoreEnabled"))\n"
        Output.out(text + "\n")
        for warning in info["Warnings"]?.arrayValue ?? [] {
            if let text = warning.stringValue { Output.error(text) }
        }
    }
}
