/// Runs an action for each name the user typed, printing each success as typed
/// and collecting errors to print at the end, as docker's stop/kill/rm/… do.
enum NameLoop {
    /// Runs `action` per name; prints the name on success unless `quiet`;
    /// ignores not-found errors when `ignoreMissing`; exits 1 if any failed.
    static func run(_ names: [String], quiet: Bool = false, ignoreMissing: Bool = false, _ action: (String) throws -> Void) throws {
        var errors: [String] = []
        for name in names {
            do {
                try action(name)
                if !quiet { Output.line(name) }
            } catch let error as DaemonError {
                if ignoreMissing, error.isNotFound {
                    Output.error(error.description)
                    continue
                }
                errors.append(error.description)
            } catch let error as CLIError {
                errors.append(error.message)
            }
        }
        if !errors.isEmpty { throw CLIError(errors.joined(separator: "\n")) }
    }
}
