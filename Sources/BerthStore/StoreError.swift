/// Metadata-store failures worded for the API layer: a name clash maps to 409,
/// a missing record to 404.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The container name is taken; carries the holder's ID, as dockerd reports.
    case nameInUse(name: String, holder: String)
    case noSuchContainer(String)
    case ambiguous(String)
    case database(String)

    public var description: String {
        switch self {
        case .nameInUse(let name, let holder):
            return "Conflict. The container name \"/\(name)\" is already in use by container \"\(holder)\". You have to remove (or rename) that container to be able to reuse that name."
        case .noSuchContainer(let name): return "No such container: \(name)"
        case .ambiguous(let prefix): return "multiple IDs found with provided prefix: \(prefix)"
        case .database(let message): return message
        }
    }
}
