import Foundation
import NIOCore
import NIOPosix

/// Makes a Unix socket path ready to bind: creates its directory, refuses a path another
/// process is serving (a connect succeeds), and removes a stale socket left by a crash.
enum UnixSocketGuard {
    /// Prepares `path`, connecting through `group` to probe an existing socket.
    static func prepare(_ path: String, group: any EventLoopGroup) async throws(APIServerError) {
        let files = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty && !files.fileExists(atPath: directory) {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw .cannotListen(path: path, reason: "cannot create \(directory): \(error.localizedDescription)")
        }
        guard let attributes = try? files.attributesOfItem(atPath: path) else { return }
        guard attributes[.type] as? FileAttributeType == .typeSocket else { throw .notASocket(path: path) }
        if await isServed(path, group: group) { throw .socketInUse(path: path) }
        do {
            try files.removeItem(atPath: path)
        } catch {
            throw .cannotListen(path: path, reason: "cannot remove stale socket: \(error.localizedDescription)")
        }
    }

    /// Whether a process accepts connections on the socket at `path`.
    static func isServed(_ path: String, group: any EventLoopGroup) async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(2))
                .connect(unixDomainSocketPath: path).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }
}
