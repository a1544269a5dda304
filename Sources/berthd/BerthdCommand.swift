import ArgumentParser
import BerthDaemon
import LinuxSys
import Logging

/// berthd's entry point and command line; everything past parsing lives in BerthDaemon.
@main
struct BerthdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "berthd", abstract: "The Berth daemon: serves the Docker Engine API on a Unix socket."
    )

    @Option(name: [.customShort("H"), .long], help: "Socket to listen on (unix:///path; default unix:///run/berth/berth.sock).")
    var host: String?

    @Option(help: "Root of persisted engine state (default /var/lib/berth).")
    var dataRoot: String?

    @Option(help: "Daemon configuration file (default /etc/berth/daemon.json, if present).")
    var configFile: String?

    @Option(help: "OCI runtime binary (default: berth-runtime next to berthd).")
    var runtime: String?

    @Option(help: "Log level: debug, info, warn, error, fatal.")
    var logLevel: String?

    func run() async throws {
        // A daemon runs for days: keep only the code it uses resident (see WorkingSet).
        let flags = DaemonFlags(
            host: host, dataRoot: dataRoot, configFile: configFile, runtime: runtime, logLevel: logLevel
        )
        do {
            let configuration = try DaemonConfiguration.resolve(flags: flags, defaultRuntime: Daemon.defaultRuntimePath())
            let level = configuration.logLevel
            LoggingSystem.bootstrap { label in LogfmtLogHandler(label: label, level: level) }
            try await Daemon.run(
                configuration, logger: Logger(label: "berthd"), ready: { WorkingSet.dropCodePages() },
                whenIdle: { WorkingSet.dropCodePages() })
        } catch {
            throw ValidationFailure(message: "\(error)")
        }
    }
}
