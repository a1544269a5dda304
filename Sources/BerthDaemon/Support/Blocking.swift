import Foundation

/// Runs blocking work (a tree walk, a tar extraction, a child process) on a
/// thread of its own and awaits its result, so neither an actor nor Swift's
/// small cooperative pool is held while the disk or a child works.
enum Blocking {
    /// `body`'s result, computed on a fresh thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
            thread.start()
        }
    }
}
