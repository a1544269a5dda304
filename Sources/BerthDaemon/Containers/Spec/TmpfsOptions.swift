/// tmpfs mount options as dockerd merges them (moby's MergeTmpfsOptions):
/// its defaults (`noexec,nosuid,nodev,rprivate`) first, the user's after, the
/// later of two flags of one family winning (`exec` beats `noexec`), and only
/// known `key=value` data options (size, mode, uid, gid, nr_inodes, nr_blocks, mpol).
enum TmpfsOptions {
    static let defaults = ["noexec", "nosuid", "nodev", "rprivate"]
    static let dataKeys: Set<String> = ["size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol"]

    /// Flag families: options in one family override each other.
    static let families: [[String]] = [
        ["ro", "rw"], ["noexec", "exec"], ["nosuid", "suid"], ["nodev", "dev"], ["sync", "async"], ["dirsync"],
        ["remount"], ["mand", "nomand"], ["noatime", "atime"], ["nodiratime", "diratime"], ["bind"], ["rbind"],
        ["relatime", "norelatime"], ["strictatime", "nostrictatime"],
        ["private", "rprivate", "shared", "rshared", "slave", "rslave", "unbindable", "runbindable"],
        ["tmpcopyup", "notmpcopyup"],
    ]

    /// The merged option list for the spec; throws for an unknown option.
    static func merge(_ userOptions: String) throws(MountPlanner.Failure) -> [String] {
        let all = defaults + userOptions.split(separator: ",").map(String.init)
        var result: [String] = []
        var seenFamilies: Set<Int> = []
        var seenKeys: Set<String> = []
        for option in all.reversed() where option != "defaults" {
            if let family = families.firstIndex(where: { $0.contains(option) }) {
                if seenFamilies.insert(family).inserted { result.insert(option, at: 0) }
                continue
            }
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, dataKeys.contains(parts[0]) else {
                throw MountPlanner.Failure(description: "invalid tmpfs option [\"\(option)\"]")
            }
            if seenKeys.insert(parts[0]).inserted { result.insert(option, at: 0) }
        }
        return result
    }
}
