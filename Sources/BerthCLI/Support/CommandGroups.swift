/// docker's management command groups (`berth container ls`, `berth image rm`,
/// `berth system df`) mapped onto the top-level commands by rewriting the
/// arguments, so each command is written once and startup stays cheap.
enum CommandGroups {
    private static let container: [String: [String]] = [
        "ls": ["ps"], "list": ["ps"], "ps": ["ps"], "prune": ["container-prune"], "inspect": ["inspect", "--type", "container"],
        "remove": ["rm"],
    ]
    private static let image: [String: [String]] = [
        "ls": ["images"], "list": ["images"], "rm": ["rmi"], "remove": ["rmi"], "prune": ["image-prune"],
        "inspect": ["inspect", "--type", "image"],
    ]
    private static let system: [String: [String]] = ["df": ["system-df"]]

    /// `container ls -a` → `ps -a`; other arguments unchanged.
    static func rewrite(_ arguments: [String]) -> [String] {
        guard arguments.count >= 2 else { return arguments }
        let table: [String: [String]]
        switch arguments[0] {
        case "container": table = container
        case "image": table = image
        case "system": table = system
        default: return arguments
        }
        let rest = Array(arguments.dropFirst(2))
        if let mapped = table[arguments[1]] { return mapped + rest }
        if arguments[1].hasPrefix("-") { return arguments }
        return [arguments[1]] + rest
    }
}
