import LinuxSys
import OCI

extension ContainerSpecBuilder {
    /// `-u`/`--group-add`: resolved against the container's own /etc/passwd and
    /// /etc/group, read inside `rootfs` (symlinks cannot lead out of it); sets
    /// $HOME from the account when the environment has none, as runc does.
    static func applyUser(_ user: String, groupAdd: [String], rootfs: String, to spec: inout Spec) throws {
        let database = UserDatabase(passwd: try readInRootfs(rootfs, "/etc/passwd"),
                                    group: try readInRootfs(rootfs, "/etc/group"))
        let resolved: ResolvedUser
        do { resolved = try database.resolve(user, groupAdd: groupAdd) } catch { throw Failure(description: error.description) }
        spec.process?.user = User(uid: resolved.uid, gid: resolved.gid,
                                  additionalGids: resolved.additionalGids.isEmpty ? nil : resolved.additionalGids)
        let env = spec.process?.env ?? []
        if !env.contains(where: { $0.hasPrefix("HOME=") }) { spec.process?.env = env + ["HOME=" + resolved.home] }
    }

    /// A text file of the image, or nil when it has none.
    static func readInRootfs(_ rootfs: String, _ path: String) throws -> String? {
        do {
            return try FileSystem.readInRoot(rootfs, path).map { String(decoding: $0, as: UTF8.self) }
        } catch {
            throw Failure(description: "read \(path) of the container: \(error)")
        }
    }
}
