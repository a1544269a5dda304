import NIOCore

/// The container operation endpoints (top, stats, changes, export, archive,
/// commit, rename, update, pause, prune, system df) over a
/// `ContainerOperationsBackend`: each route decodes, calls, encodes.
public struct ContainerOperationsRouter: APIRouter {
    private let backend: any ContainerOperationsBackend

    /// A router answering from `backend`.
    public init(backend: any ContainerOperationsBackend) { self.backend = backend }

    public var routes: [Route] {
        inspectionRoutes + archiveRoutes + settingsRoutes + cleanupRoutes
    }

    /// top, stats, changes, export.
    var inspectionRoutes: [Route] {
        let backend = self.backend
        return [
            Route(.GET, "/containers/{id}/top") { request in
                try APIResponse.json(try await backend.top(try request.parameter("id"), psArguments: request.query["ps_args"]))
            },
            Route(.GET, "/containers/{id}/stats") { request in
                let stream = request.query["stream"].map { _ in request.query.bool("stream") } ?? true
                let producer = try await backend.stats(
                    try request.parameter("id"), stream: stream, oneShot: request.query.bool("one-shot"))
                return APIResponse.stream(contentType: "application/json", producer)
            },
            Route(.GET, "/containers/{id}/changes") { request in
                try APIResponse.json(try await backend.changes(try request.parameter("id")))
            },
            Route(.GET, "/containers/{id}/export") { request in
                APIResponse.stream(contentType: "application/octet-stream", try await backend.export(try request.parameter("id")))
            },
        ]
    }

    /// HEAD/GET/PUT archive (`docker cp`).
    var archiveRoutes: [Route] {
        let backend = self.backend
        return [
            Route(.HEAD, "/containers/{id}/archive") { request in
                let stat = try await backend.statPath(try request.parameter("id"), path: try Self.archivePath(request))
                return APIResponse(status: .ok, headers: ["X-Docker-Container-Path-Stat": try stat.headerValue()])
            },
            Route(.GET, "/containers/{id}/archive") { request in
                let (stat, producer) = try await backend.archive(try request.parameter("id"), path: try Self.archivePath(request))
                var response = APIResponse.stream(contentType: "application/x-tar", producer)
                response.headers.add(name: "X-Docker-Container-Path-Stat", value: try stat.headerValue())
                return response
            },
            Route(.PUT, "/containers/{id}/archive") { request in
                try await backend.extractArchive(
                    try request.parameter("id"), path: try Self.archivePath(request),
                    archive: Array(request.body.readableBytesView),
                    noOverwriteDirNonDir: request.query.bool("noOverwriteDirNonDir"),
                    copyUIDGID: request.query.bool("copyUIDGID"))
                return APIResponse(status: .ok)
            },
        ]
    }

    /// commit, rename, update, pause, unpause.
    var settingsRoutes: [Route] {
        let backend = self.backend
        return [
            Route(.POST, "/commit") { request in
                guard let container = request.query["container"], !container.isEmpty else {
                    throw APIError.badRequest("No container name or ID supplied")
                }
                let commit = CommitRequest(
                    container: container, repository: request.query["repo"].flatMap { $0.isEmpty ? nil : $0 },
                    tag: request.query["tag"].flatMap { $0.isEmpty ? nil : $0 },
                    author: request.query["author"], comment: request.query["comment"],
                    changes: request.query.values("changes").filter { !$0.isEmpty },
                    pause: request.query["pause"].map { _ in request.query.bool("pause") } ?? true)
                return try APIResponse.json(IDResponse(id: try await backend.commit(commit)), status: .created)
            },
            Route(.POST, "/containers/{id}/rename") { request in
                try await backend.rename(try request.parameter("id"), to: request.query["name"] ?? "")
                return .noContent
            },
            Route(.POST, "/containers/{id}/update") { request in
                let body = request.body.readableBytes > 0 ? try request.decodeJSON(ContainerUpdateRequest.self) : ContainerUpdateRequest()
                let warnings = try await backend.update(try request.parameter("id"), body)
                return try APIResponse.json(ContainerUpdateResponse(warnings: warnings))
            },
            Route(.POST, "/containers/{id}/pause") { request in
                try await backend.pause(try request.parameter("id"))
                return .noContent
            },
            Route(.POST, "/containers/{id}/unpause") { request in
                try await backend.unpause(try request.parameter("id"))
                return .noContent
            },
        ]
    }

    /// container and image prune, system df.
    var cleanupRoutes: [Route] {
        let backend = self.backend
        return [
            Route(.POST, "/containers/prune") { request in
                try APIResponse.json(try await backend.pruneContainers(filters: try FilterArguments(json: request.query["filters"])))
            },
            Route(.POST, "/images/prune") { request in
                try APIResponse.json(try await backend.pruneImages(filters: try FilterArguments(json: request.query["filters"])))
            },
            Route(.GET, "/system/df") { _ in
                try APIResponse.json(try await backend.dataUsage())
            },
        ]
    }

    /// The `path` query parameter, required by every archive route.
    static func archivePath(_ request: APIRequest) throws(APIError) -> String {
        guard let path = request.query["path"], !path.isEmpty else { throw .badRequest("path cannot be empty") }
        return path
    }
}
