/// What the exec routes need from the engine.
public protocol ExecBackend: Sendable {
    /// Creates an exec instance in a running container; its id.
    func createExec(_ container: String, _ request: ExecCreateRequest) async throws -> String
    /// Starts it: detached (nil), or a stream (raw when TTY) joined to its
    /// stdio, with the key sequence that detaches a terminal's client.
    func startExec(_ id: String, detach: Bool) async throws
        -> (tty: Bool, detachKeys: [UInt8], connect: @Sendable () async throws -> Int32?)?
    func inspectExec(_ id: String) async throws -> ExecInspect
    func resizeExec(_ id: String, height: Int, width: Int) async throws
}
