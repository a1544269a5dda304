import BerthAPI
import Glibc
import LinuxSys

/// The uid and gid a container's `User` (`name`, `uid`, `name:group`,
/// `uid:gid`; empty is root) stands for, looked up in the container's own
/// /etc/passwd and /etc/group (read in-root, never the host's) — what
/// `docker cp -a` gives the files it copies in.
struct ContainerUser: Equatable {
    let uid: UInt32
    let gid: UInt32

    /// Resolves `user` against the files under the rootfs descriptor `root`.
    init(_ user: String?, root: FileDescriptor) throws {
        let text = user ?? ""
        guard !text.isEmpty else {
            uid = 0
            gid = 0
            return
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let passwd = Self.entries("/etc/passwd", root: root)
        let name = parts[0]
        let account = passwd.first { $0.count > 3 && ($0[0] == name || $0[2] == name) }
        if let number = UInt32(name) {
            uid = number
        } else if let account, let number = UInt32(account[2]) {
            uid = number
        } else {
            throw APIError.badRequest("unable to find user \(name): no matching entries in passwd file")
        }
        if parts.count > 1 {
            let group = parts[1]
            if let number = UInt32(group) {
                gid = number
            } else if let entry = Self.entries("/etc/group", root: root).first(where: { $0.count > 2 && $0[0] == group }),
                      let number = UInt32(entry[2]) {
                gid = number
            } else {
                throw APIError.badRequest("unable to find group \(group): no matching entries in group file")
            }
        } else {
            gid = account.flatMap { UInt32($0[3]) } ?? 0
        }
    }

    /// The colon-separated lines of a file inside the container (none if unreadable).
    static func entries(_ path: String, root: FileDescriptor) -> [[String]] {
        guard let fd = try? root.openAt2(path, O_RDONLY, resolve: [.inRoot, .noMagicLinks]) else { return [] }
        defer { fd.close() }
        guard let bytes = try? fd.readAll() else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
