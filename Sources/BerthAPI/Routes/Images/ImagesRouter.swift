import Foundation
import NIOCore

/// The image endpoints over an `ImageBackend`: list, inspect, history, tag,
/// remove, import, load and save.
public struct ImagesRouter: APIRouter {
    private let backend: any ImageBackend

    /// A router answering from `backend`.
    public init(backend: any ImageBackend) { self.backend = backend }

    public var routes: [Route] {
        let backend = self.backend
        return [
            Route(.GET, "/images/json") { request in
                let reference = try Self.referenceFilter(request.query["filters"])
                return try APIResponse.json(try await backend.listImages(all: request.query.bool("all"), reference: reference))
            },
            Route(.GET, "/images/get") { request in
                Self.tar(try await backend.saveImages(request.query.values("names")))
            },
            Route(.POST, "/images/load") { request in
                let names = try await backend.loadImages(Self.bytes(request.body))
                let lines = names.map { #"{"stream":"Loaded image: \#($0)\n"}"# + "\r\n" }.joined()
                return APIResponse(status: .ok, headers: ["Content-Type": "application/json"], body: .bytes(ByteBuffer(string: lines)))
            },
            Route(.POST, "/images/create") { request in
                guard request.query["fromSrc"] == "-" else {
                    throw APIError.notFound("pulling from a registry is not supported yet")
                }
                let (repository, tag) = Self.splitRepository(request.query["repo"], tag: request.query["tag"])
                let id = try await backend.importImage(
                    Self.bytes(request.body), repository: repository, tag: tag, message: request.query["message"],
                    changes: request.query.values("changes"))
                return APIResponse(status: .ok, headers: ["Content-Type": "application/json"],
                                   body: .bytes(ByteBuffer(string: #"{"status":"\#(id)"}"# + "\r\n")))
            },
            Route(.GET, "/images/{name:.*}/json") { request in
                APIResponse(status: .ok, headers: ["Content-Type": "application/json"],
                            body: .bytes(ByteBuffer(bytes: try await backend.inspectImage(try request.parameter("name")) + [0x0a])))
            },
            Route(.GET, "/images/{name:.*}/history") { request in
                try APIResponse.json(try await backend.history(try request.parameter("name")))
            },
            Route(.GET, "/images/{name:.*}/get") { request in
                Self.tar(try await backend.saveImages([try request.parameter("name")]))
            },
            Route(.POST, "/images/{name:.*}/tag") { request in
                guard let repository = request.query["repo"], !repository.isEmpty else {
                    throw APIError.badRequest("repository name must have at least one component")
                }
                try await backend.tag(try request.parameter("name"), repository: repository, tag: request.query["tag"])
                return APIResponse(status: .created)
            },
            Route(.DELETE, "/images/{name:.*}") { request in
                try APIResponse.json(try await backend.deleteImage(try request.parameter("name"), force: request.query.bool("force")))
            },
        ]
    }

    static func bytes(_ buffer: ByteBuffer) -> [UInt8] {
        buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
    }

    static func tar(_ bytes: [UInt8]) -> APIResponse {
        APIResponse(status: .ok, headers: ["Content-Type": "application/x-tar"], body: .bytes(ByteBuffer(bytes: bytes)))
    }

    /// `repo=name:tag` (as `docker import` sends it) or `repo=name&tag=tag`.
    static func splitRepository(_ repository: String?, tag: String?) -> (String?, String?) {
        guard let repository, !repository.isEmpty else { return (nil, nil) }
        if let tag, !tag.isEmpty { return (repository, tag) }
        if let colon = repository.lastIndex(of: ":"), !repository[colon...].contains("/") {
            return (String(repository[..<colon]), String(repository[repository.index(after: colon)...]))
        }
        return (repository, nil)
    }

    /// The `reference` entry of Docker's filters JSON (`{"reference":{"busybox":true}}`).
    static func referenceFilter(_ filters: String?) throws(APIError) -> String? {
        guard let filters, !filters.isEmpty else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(filters.utf8)) as? [String: Any] else {
            throw APIError.badRequest("invalid filter: \(filters)")
        }
        if let reference = object["reference"] as? [String: Bool] { return reference.keys.sorted().first }
        if let reference = object["reference"] as? [String] { return reference.first }
        return nil
    }
}
