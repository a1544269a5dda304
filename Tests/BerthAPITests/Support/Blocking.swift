import Dispatch

/// Runs blocking socket I/O on a Dispatch thread, so it never starves the cooperative
/// pool that the in-process server's request tasks need.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
