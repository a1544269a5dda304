/// The identity a container's process gets: numbers for setuid/setgid/setgroups,
/// and the home directory for $HOME.
struct ResolvedUser: Sendable, Equatable {
    var uid: UInt32
    var gid: UInt32
    /// The primary group first, then the user's groups, then --group-add's.
    var additionalGids: [UInt32]
    var home: String
}

/// Why a `-u`/`--group-add` value names nobody; the text is dockerd's.
struct UserResolutionError: Error, Equatable, CustomStringConvertible {
    let description: String
}

extension UserDatabase {
    /// Resolves `user` (`name`, `name:group`, `uid`, `uid:gid`, empty for root)
    /// and `groupAdd` (names or numbers) as runc's GetExecUser and moby's getUser do:
    /// a number absent from the files is used as is; a name must exist; the
    /// user's supplementary groups count only when no group was given explicitly.
    func resolve(_ user: String, groupAdd: [String] = []) throws(UserResolutionError) -> ResolvedUser {
        let parts = user.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let userPart = parts.first ?? ""
        let groupPart = parts.count > 1 ? parts[1] : ""
        var resolved = ResolvedUser(uid: 0, gid: 0, additionalGids: [], home: "/")
        let uidNumber = Self.numericID(userPart)
        let match = accounts.first { account in
            if userPart.isEmpty { return account.uid == 0 }
            if let uidNumber { return account.uid == uidNumber }
            return account.name == userPart
        }
        if let match {
            resolved.uid = match.uid
            resolved.gid = match.gid
            resolved.home = match.home.isEmpty ? "/" : match.home
        } else if !userPart.isEmpty {
            guard let uidNumber else {
                throw UserResolutionError(description: "unable to find user \(userPart): no matching entries in passwd file")
            }
            resolved.uid = uidNumber
        }
        var supplementary: [UInt32] = []
        if !groupPart.isEmpty {
            let gidNumber = Self.numericID(groupPart)
            if let group = groups.first(where: { gidNumber != nil ? $0.gid == gidNumber : $0.name == groupPart }) {
                resolved.gid = group.gid
            } else if let gidNumber {
                resolved.gid = gidNumber
            } else {
                throw UserResolutionError(description: "unable to find group \(groupPart): no matching entries in group file")
            }
        } else if let name = match?.name {
            supplementary = groups.filter { $0.members.contains(name) }.map(\.gid)
        }
        var all = [resolved.gid]
        for gid in supplementary + (try additionalGroups(groupAdd)) where !all.contains(gid) { all.append(gid) }
        resolved.additionalGids = all
        return resolved
    }

    /// `--group-add` values: a group name or GID from the image's group file, or any number.
    func additionalGroups(_ names: [String]) throws(UserResolutionError) -> [UInt32] {
        var gids: [UInt32] = []
        for name in names {
            let gid: UInt32
            if let group = groups.first(where: { $0.name == name || String($0.gid) == name }) {
                gid = group.gid
            } else if let number = Self.numericID(name) {
                gid = number
            } else {
                throw UserResolutionError(description: "Unable to find group \(name): no matching entries in group file")
            }
            if !gids.contains(gid) { gids.append(gid) }
        }
        return gids
    }
}
