import BerthAPI
import BerthImage

/// Image-store errors carry the status dockerd answers with.
extension ImageStoreError: HTTPStatusError {
    public var statusCode: Int {
        switch self {
        case .noSuchImage: return 404
        case .conflict: return 409
        case .invalid: return 400
        case .io: return 500
        }
    }

    public var message: String { description }
}

/// Bad references are the client's fault.
extension ReferenceError: HTTPStatusError {
    public var statusCode: Int { 400 }
    public var message: String { description }
}
