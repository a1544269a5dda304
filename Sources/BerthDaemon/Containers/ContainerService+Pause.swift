import Foundation
import BerthAPI

/// `docker pause` / `unpause`: the runtime freezes or thaws the container's
/// cgroup; the state document's status becomes "paused" and back "running".
extension ContainerService {
    public func pause(_ idOrName: String) throws {
        let found = try findRunning(idOrName)
        if found.isPaused { throw APIError.conflict("Container \(found.id) is already paused") }
        try runRuntime(["pause", found.id])
        var state = found.state
        state.status = "paused"
        try store.updateState(id: found.id, state: try Self.encode(state))
        events.container("pause", found.row)
    }

    public func unpause(_ idOrName: String) throws {
        let found = try find(idOrName)
        guard found.isPaused else { throw APIError.conflict("Container \(found.id) is not paused") }
        try runRuntime(["resume", found.id])
        var state = found.state
        state.status = "running"
        try store.updateState(id: found.id, state: try Self.encode(state))
        events.container("unpause", found.row)
    }

    /// `<runtime> --root <data-root>/runtime ARGS`; a failure is a 500 with its output.
    func runRuntime(_ arguments: [String]) throws {
        let result = try HelperProcess.run(runtimePath, ["--root", dataRoot + "/runtime"] + arguments)
        guard result.status == 0 else {
            throw APIError.internalError(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
