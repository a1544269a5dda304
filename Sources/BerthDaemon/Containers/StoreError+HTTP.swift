import BerthAPI
import BerthStore

/// Metadata-store errors carry the status dockerd answers with.
extension StoreError: HTTPStatusError {
    public var statusCode: Int {
        switch self {
        case .nameInUse: return 409
        case .noSuchContainer: return 404
        case .ambiguous: return 400
        case .database: return 500
        }
    }

    public var message: String { description }
}
