/// Image-store failures, worded as dockerd words them so the API layer can
/// pass the message through (404 for `noSuchImage`, 409 for `conflict`).
public enum ImageStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchImage(String)
    case conflict(String)
    case invalid(String)
    case io(String)

    public var description: String {
        switch self {
        case .noSuchImage(let name): return "No such image: \(name)"
        case .conflict(let message), .invalid(let message), .io(let message): return message
        }
    }
}
