import Foundation
import BerthAPI

/// `docker pause` / `unpause`: the runtime freezes or thaws the container's
/// cgroup; the state document remembers it (status stays "running", as in
/// dockerd, with Paused set).
extension ContainerService {
    public func pause(_ idOrName: String) throws {
        let found = try findRunning(idOrName)
        if found.isPaused { throw APIError.conflict("Container \(found.id) is already paused") }
        try runRuntime(["pause", found.id])
        var state = found.state
        state.paused = true
        try store.updateState(id: found.id, state: try Self.encode(state))
    }

    public func unpause(_ idOrName: String) throws {
        let found = try find(idOrName)
        guard found.isPaused else { throw APIError.conflict("Container \(found.id) is not paused") }
        try runRuntime(["resume", found.id])
        var state = found.state
        state.paused = nil
        try store.updateState(id: found.id, state: try Self.encode(state))
    }

    /// `<runtime> --root <data-root>/runtime ARGS`; a failure is a 500 with its output.
    func runRuntime(_ arguments: [String]) throws {
        let result = try Self.run(runtimePath, ["--root", dataRoot + "/runtime"] + arguments)
        guard result.status == 0 else {
            throw APIError.internalError(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
