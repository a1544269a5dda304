import ArgumentParser

/// `berth`: the Docker-compatible command line for berthd.
public struct BerthCommand: ParsableCommand {
    /// The root command's configuration.
    public static let configuration = CommandConfiguration(commandName: "berth", abstract: "A container engine that speaks Docker's API")
    /// ArgumentParser needs a public initialiser.
    public init() {}
}
