import NIOCore

/// The container endpoints over a `ContainerBackend`.
public struct ContainersRouter: APIRouter {
    private let backend: any ContainerBackend

    /// A router answering from `backend`.
    public init(backend: any ContainerBackend) { self.backend = backend }

    public var routes: [Route] {
        let backend = self.backend
        return [
            Route(.POST, "/containers/create") { request in
                let body = try request.decodeJSON(ContainerCreateRequest.self)
                let id = try await backend.create(body, name: request.query["name"].flatMap { $0.isEmpty ? nil : $0 })
                return try APIResponse.json(ContainerCreateResponse(id: id), status: .created)
            },
            Route(.GET, "/containers/json") { request in
                let options = ContainerListOptions(
                    all: request.query.bool("all"), limit: try request.query.int("limit"), size: request.query.bool("size"),
                    filters: try FilterParameters.parse(request.query["filters"]))
                return try APIResponse.json(try await backend.list(options))
            },
            Route(.GET, "/containers/{id}/json") { request in
                try APIResponse.json(try await backend.inspect(try request.parameter("id"), size: request.query.bool("size")))
            },
            Route(.POST, "/containers/{id}/start") { request in
                try await backend.start(try request.parameter("id"))
                return .noContent
            },
            Route(.POST, "/containers/{id}/wait") { request in
                try APIResponse.json(ContainerWaitResponse(statusCode: try await backend.wait(try request.parameter("id"))))
            },
            Route(.GET, "/containers/{id}/logs") { request in
                let bytes = try await backend.logs(try request.parameter("id"), stdout: request.query.bool("stdout"),
                                                   stderr: request.query.bool("stderr"))
                return APIResponse(status: .ok, headers: ["Content-Type": "application/vnd.docker.multiplexed-stream"],
                                   body: .bytes(ByteBuffer(bytes: bytes)))
            },
            Route(.POST, "/containers/{id}/kill") { request in
                try await backend.kill(try request.parameter("id"), signal: request.query["signal"] ?? "KILL")
                return .noContent
            },
            Route(.POST, "/containers/{id}/stop") { request in
                try await backend.stop(try request.parameter("id"), timeout: try request.query.int("t"))
                return .noContent
            },
            Route(.DELETE, "/containers/{id}") { request in
                try await backend.remove(try request.parameter("id"), force: request.query.bool("force"))
                return .noContent
            },
        ]
    }
}
