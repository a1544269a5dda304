import BerthAPI
import BerthImage
import LinuxSys

/// `docker commit`: the container's upper directory becomes a layer on its
/// image, with the Dockerfile-like changes applied to the config. A running
/// container is paused for the copy unless the caller said not to.
extension ContainerService {
    public nonisolated func commit(_ request: CommitRequest) async throws -> String {
        let found = try await find(request.container)
        guard let imageID = Digest(found.config.imageID) else {
            throw APIError.internalError("image \(found.config.imageID) of the container is gone")
        }
        let reference = try request.repository.map { repository in
            try ImageReference.parse(request.tag.map { repository + ":" + $0 } ?? repository)
        }
        let pausing = request.pause && found.isRunning && !found.isPaused
        if pausing { try await pause(found.id) }
        let upper = upperPath(found.id)
        let options = CommitOptions(
            author: request.author.flatMap { $0.isEmpty ? nil : $0 }, comment: request.comment.flatMap { $0.isEmpty ? nil : $0 },
            changes: request.changes, containerID: found.id, createdBy: found.config.args.joined(separator: " "))
        let images = self.images
        let result: Result<Digest, any Error> = await {
            do {
                return .success(try await Blocking.run {
                    try FileSystem.makeDirectories(upper, mode: 0o700)
                    return try images.commit(upperDirectory: upper, image: imageID, options: options, reference: reference)
                })
            } catch { return .failure(error) }
        }()
        if pausing { try? await unpause(found.id) }
        let id = try result.get().description
        events.container("commit", found.row, extra: ["comment": request.comment ?? ""])
        return id
    }
}
