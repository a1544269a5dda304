import LinuxSys

/// config.json mount options split the way mount(2) needs them: flags to set,
/// propagation to apply afterwards, and the filesystem-specific data string.
struct MountOptions: Equatable {
    var flags: MountFlags = []
    var clearedFlags: MountFlags = []
    var propagation: [MountFlags] = []
    var data: [String] = []
    var isBind: Bool { flags.contains(.bind) }

    // Linear tables rather than dictionaries: a dozen string compares cost
    // less (in time and resident code) than hashing on a runtime's hot path.
    static let flagTable: [(name: String, set: Bool, flag: MountFlags)] = [
        ("ro", true, .readOnly), ("rw", false, .readOnly),
        ("nosuid", true, .noSUID), ("suid", false, .noSUID),
        ("nodev", true, .noDev), ("dev", false, .noDev),
        ("noexec", true, .noExec), ("exec", false, .noExec),
        ("sync", true, .synchronous), ("async", false, .synchronous),
        ("dirsync", true, .dirSync), ("remount", true, .remount),
        ("mand", true, .mandatoryLock), ("nomand", false, .mandatoryLock),
        ("noatime", true, .noATime), ("atime", false, .noATime),
        ("nodiratime", true, .noDirATime), ("diratime", false, .noDirATime),
        ("relatime", true, .relATime), ("norelatime", false, .relATime),
        ("strictatime", true, .strictATime), ("nostrictatime", false, .strictATime),
        ("bind", true, .bind), ("rbind", true, [.bind, .recursive]),
        ("nosymfollow", true, .noSymfollow), ("symfollow", false, .noSymfollow),
        ("lazytime", true, .lazyTime), ("nolazytime", false, .lazyTime),
    ]

    static let propagationTable: [(name: String, flags: MountFlags)] = [
        ("private", .private), ("rprivate", [.private, .recursive]),
        ("shared", .shared), ("rshared", [.shared, .recursive]),
        ("slave", .slave), ("rslave", [.slave, .recursive]),
        ("unbindable", .unbindable), ("runbindable", [.unbindable, .recursive]),
    ]

    /// Options that only matter to other tools (Docker's "tmpcopyup", idmap hints).
    static let ignored: [String] = ["tmpcopyup", "notmpcopyup", "defaults", "rro", "rrw", "rnosuid", "rnodev", "rnoexec"]

    init(_ options: [String]?) {
        for option in options ?? [] {
            if let entry = Self.flagTable.first(where: { $0.name == option }) {
                if entry.set {
                    flags.insert(entry.flag)
                    clearedFlags.remove(entry.flag)
                } else {
                    flags.remove(entry.flag)
                    clearedFlags.insert(entry.flag)
                }
            } else if let entry = Self.propagationTable.first(where: { $0.name == option }) {
                propagation.append(entry.flags)
            } else if !Self.ignored.contains(option) {
                data.append(option)
            }
        }
    }

    /// The data string for mount(2), or nil when empty.
    var dataString: String? { data.isEmpty ? nil : data.joined(separator: ",") }

    /// Root propagation from linux.rootfsPropagation ("rprivate" by default).
    static func rootPropagation(_ text: String?) throws(RuntimeError) -> MountFlags {
        guard let text, !text.isEmpty else { return [.private, .recursive] }
        guard let entry = propagationTable.first(where: { $0.name == text }) else {
            throw RuntimeError("invalid rootfsPropagation \"\(text)\"")
        }
        return entry.flags
    }
}
