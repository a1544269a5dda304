import LinuxSys
import NIOCore

/// `docker exec`: create, start (hijacked, or detached), inspect, resize.
public struct ExecRouter: APIRouter {
    private let backend: any ExecBackend

    /// A router answering from `backend`.
    public init(backend: any ExecBackend) { self.backend = backend }

    public var routes: [Route] {
        let backend = self.backend
        return [
            Route(.POST, "/containers/{id}/exec") { request in
                let body = try request.decodeJSON(ExecCreateRequest.self)
                guard let command = body.Cmd, !command.isEmpty else { throw APIError.badRequest("No exec command specified") }
                guard DetachKeys.parse(body.DetachKeys) != nil else {
                    throw APIError.badRequest("Invalid escape keys (\(body.DetachKeys ?? "")) provided")
                }
                let id = try await backend.createExec(try request.parameter("id"), body)
                return try APIResponse.json(ExecCreateResponse(id: id), status: .created)
            },
            Route(.POST, "/exec/{id}/start") { request in
                let body = request.body.readableBytes > 0 ? try request.decodeJSON(ExecStartRequest.self) : ExecStartRequest()
                guard let stream = try await backend.startExec(try request.parameter("id"), detach: body.Detach == true) else {
                    return APIResponse(status: .ok)
                }
                return .hijack(contentType: ContainersRouter.streamType(tty: stream.tty, version: request.version),
                               detachSequence: stream.tty ? stream.detachKeys : [], stream.connect)
            },
            Route(.GET, "/exec/{id}/json") { request in
                try APIResponse.json(try await backend.inspectExec(try request.parameter("id")))
            },
            Route(.POST, "/exec/{id}/resize") { request in
                try await backend.resizeExec(try request.parameter("id"), height: try request.query.int("h") ?? 0,
                                             width: try request.query.int("w") ?? 0)
                return APIResponse(status: .ok)
            },
        ]
    }
}
