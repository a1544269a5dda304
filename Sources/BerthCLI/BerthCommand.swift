import ArgumentParser
import BerthClient
import Glibc

/// `berth`: the Docker-compatible command line for berthd.
public struct BerthCommand: ParsableCommand {
    /// The root command's configuration: every docker command berth offers.
    public static let configuration = CommandConfiguration(
        commandName: "berth",
        abstract: "A container engine that speaks Docker's API",
        subcommands: [
            RunCommand.self, CreateCommand.self, StartCommand.self, StopCommand.self, KillCommand.self,
            RestartCommand.self, PauseCommand.self, UnpauseCommand.self, RemoveCommand.self, PsCommand.self,
            LogsCommand.self, InspectCommand.self, TopCommand.self, StatsCommand.self, WaitCommand.self,
            RenameCommand.self, UpdateCommand.self, CopyCommand.self, DiffCommand.self, ExportCommand.self,
            CommitCommand.self, ExecCommand.self, AttachCommand.self,
            ImagesCommand.self, RmiCommand.self, TagCommand.self, HistoryCommand.self, SaveCommand.self,
            LoadCommand.self, ImportCommand.self,
            VersionCommand.self, InfoCommand.self, EventsCommand.self,
            ContainerPruneCommand.self, ImagePruneCommand.self, SystemDfCommand.self,
        ]
    )

    /// ArgumentParser needs a public initialiser.
    public init() {}

    /// Runs berth with the process arguments and exits with docker's status codes
    /// (125 for bad flags, the command's own status otherwise).
    public static func main() {
        Glibc.exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// ArgumentParser's wording changed to docker's where they differ (`unknown flag: --foo`).
    static func dockerWording(_ message: String) -> String {
        if message.hasPrefix("Unknown option '"), let end = message.dropFirst(16).firstIndex(of: "'") {
            return "unknown flag: " + message.dropFirst(16)[..<end]
        }
        return message
    }

    /// Parses and runs one command line; returns the exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        let arguments = CommandGroups.rewrite(GlobalOptions.extract(arguments))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as CLIError {
            if !error.message.isEmpty { Output.error(error.message) }
            return error.exitCode
        } catch let error as DaemonError {
            Output.error(error.description)
            return 1
        } catch let error as ClientError {
            Output.error(error.message)
            return 1
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.out(fullMessage(for: error) + "\n")
                return 0
            }
            let command = arguments.first { !$0.hasPrefix("-") }.map { " " + $0 } ?? ""
            Output.error("\(Self.dockerWording(message(for: error)))\n\nRun 'berth\(command) --help' for more information")
            return 125
        }
    }
}
