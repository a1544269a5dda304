/// `docker ps`'s STATUS column as dockerd words it ("Up 3 seconds",
/// "Exited (0) 2 minutes ago", "Created", "Up 2 hours (Paused)"): the CLI prints
/// the daemon's text verbatim.
enum ContainerStatusText {
    /// The status of a container in `status` (created, running, paused, …);
    /// ages are seconds since it started or finished.
    static func describe(status: String, exitCode: Int, sinceStart: Double?, sinceFinish: Double?) -> String {
        switch status {
        case "running": return "Up " + humanDuration(sinceStart ?? 0)
        case "paused": return "Up " + humanDuration(sinceStart ?? 0) + " (Paused)"
        case "restarting": return "Restarting (\(exitCode)) " + humanDuration(sinceFinish ?? 0) + " ago"
        case "removing": return "Removal In Progress"
        case "dead": return "Dead"
        default:
            guard sinceStart != nil else { return "Created" }
            guard let sinceFinish else { return "" }
            return "Exited (\(exitCode)) " + humanDuration(sinceFinish) + " ago"
        }
    }

    /// go-units' HumanDuration: "Less than a second", "1 second", "About a minute", "3 hours", "2 weeks", …
    static func humanDuration(_ seconds: Double) -> String {
        let whole = Int(seconds)
        if whole < 1 { return "Less than a second" }
        if whole == 1 { return "1 second" }
        if whole < 60 { return "\(whole) seconds" }
        let minutes = Int(seconds / 60)
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int(seconds / 3600 + 0.5)
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(Int(seconds / 3600) / 24 / 365) years"
    }

    /// ps's COMMAND: the path, then the arguments, each argument containing a
    /// space wrapped in single quotes (dockerd's quoting).
    static func command(_ args: [String]) -> String {
        guard let path = args.first else { return "" }
        let rest = args.dropFirst().map { $0.contains(" ") ? "'\($0)'" : $0 }
        return rest.isEmpty ? path : path + " " + rest.joined(separator: " ")
    }
}
