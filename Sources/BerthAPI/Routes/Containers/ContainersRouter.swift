import LinuxSys
import NIOCore

/// The container lifecycle endpoints over a `ContainerBackend`.
public struct ContainersRouter: APIRouter {
    private let backend: any ContainerBackend

    /// A router answering from `backend`.
    public init(backend: any ContainerBackend) { self.backend = backend }

    /// The stream's media type: raw for a TTY; multiplexed frames otherwise (API ≥ 1.42, as dockerd).
    static func streamType(tty: Bool, version: APIVersion) -> String {
        tty || version < APIVersion("1.42") ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream"
    }

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
                APIResponse.json(encoded: try await backend.inspectJSON(try request.parameter("id"), size: request.query.bool("size")))
            },
            Route(.POST, "/containers/{id}/start") { request in
                try await backend.start(try request.parameter("id"))
                return .noContent
            },
            Route(.POST, "/containers/{id}/wait") { request in
                let waiting = try await backend.wait(try request.parameter("id"), condition: request.query["condition"])
                // Headers go out at once; the body when the condition holds.
                return .stream(contentType: "application/json") { writer in
                    let code = await waiting()
                    var buffer = ByteBuffer(bytes: try JSONCoding.encode(ContainerWaitResponse(statusCode: code)))
                    buffer.writeString("\n")
                    try await writer.write(buffer)
                }
            },
            Route(.POST, "/containers/{id}/attach") { request in
                guard let keys = DetachKeys.parse(request.query["detachKeys"]) else {
                    throw APIError.badRequest("Invalid detach keys (\(request.query["detachKeys"] ?? "")) provided")
                }
                let stdin = request.query.bool("stdin")
                let attached = try await backend.attach(
                    try request.parameter("id"), stdin: stdin, stdout: request.query.bool("stdout"),
                    stderr: request.query.bool("stderr"))
                // Detach keys apply to a terminal's input only (binary stdin through a pipe is never cut short).
                return .hijack(contentType: Self.streamType(tty: attached.tty, version: request.version),
                               detachSequence: attached.tty && stdin ? keys : [], attached.connect)
            },
            Route(.POST, "/containers/{id}/resize") { request in
                try await backend.resize(try request.parameter("id"), height: try request.query.int("h") ?? 0,
                                         width: try request.query.int("w") ?? 0)
                return APIResponse(status: .ok)
            },
            Route(.GET, "/containers/{id}/logs") { request in
                var query = LogQuery()
                query.stdout = request.query.bool("stdout")
                query.stderr = request.query.bool("stderr")
                guard query.stdout || query.stderr else {
                    throw APIError.badRequest("Bad parameters: you must choose at least one stream")
                }
                query.follow = request.query.bool("follow")
                query.timestamps = request.query.bool("timestamps")
                for (key, keyPath) in [("since", \LogQuery.since), ("until", \LogQuery.until)] {
                    guard let text = request.query[key], !text.isEmpty, text != "0" else { continue }
                    guard let stamp = LogQuery.timestamp(fromUnix: text) else {
                        throw APIError.badRequest("invalid value for \"\(key)\": \(text)")
                    }
                    query[keyPath: keyPath] = stamp
                }
                if let tail = request.query["tail"], !tail.isEmpty, tail != "all" {
                    guard let count = Int(tail) else { throw APIError.badRequest("invalid value for \"tail\": \(tail)") }
                    query.tail = count
                }
                let (tty, produce) = try await backend.logs(try request.parameter("id"), query: query)
                return .stream(contentType: Self.streamType(tty: tty, version: request.version)) { writer in
                    try await produce { bytes in try await writer.write(ByteBuffer(bytes: bytes)) }
                }
            },
            Route(.POST, "/containers/{id}/kill") { request in
                try await backend.kill(try request.parameter("id"), signal: request.query["signal"].flatMap { $0.isEmpty ? nil : $0 } ?? "KILL")
                return .noContent
            },
            Route(.POST, "/containers/{id}/stop") { request in
                try await backend.stop(try request.parameter("id"), timeout: try request.query.int("t"), signal: request.query["signal"])
                return .noContent
            },
            Route(.POST, "/containers/{id}/restart") { request in
                try await backend.restart(try request.parameter("id"), timeout: try request.query.int("t"), signal: request.query["signal"])
                return .noContent
            },
            Route(.DELETE, "/containers/{id}") { request in
                try await backend.remove(try request.parameter("id"), force: request.query.bool("force"), volumes: request.query.bool("v"))
                return .noContent
            },
        ]
    }
}
