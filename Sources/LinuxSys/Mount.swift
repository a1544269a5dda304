import CLinuxSys
import Glibc

/// mount(2) flags, named as in <sys/mount.h>.
public struct MountFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt
    public init(rawValue: UInt) { self.rawValue = rawValue }

    public static let readOnly = MountFlags(rawValue: 1)  // MS_RDONLY
    public static let noSUID = MountFlags(rawValue: 2)  // MS_NOSUID
    public static let noDev = MountFlags(rawValue: 4)  // MS_NODEV
    public static let noExec = MountFlags(rawValue: 8)  // MS_NOEXEC
    public static let synchronous = MountFlags(rawValue: 16)  // MS_SYNCHRONOUS
    public static let remount = MountFlags(rawValue: 32)  // MS_REMOUNT
    public static let mandatoryLock = MountFlags(rawValue: 64)  // MS_MANDLOCK
    public static let dirSync = MountFlags(rawValue: 128)  // MS_DIRSYNC
    public static let noSymfollow = MountFlags(rawValue: 256)  // MS_NOSYMFOLLOW
    public static let noATime = MountFlags(rawValue: 1024)  // MS_NOATIME
    public static let noDirATime = MountFlags(rawValue: 2048)  // MS_NODIRATIME
    public static let bind = MountFlags(rawValue: 4096)  // MS_BIND
    public static let move = MountFlags(rawValue: 8192)  // MS_MOVE
    public static let recursive = MountFlags(rawValue: 16384)  // MS_REC
    public static let silent = MountFlags(rawValue: 32768)  // MS_SILENT
    public static let unbindable = MountFlags(rawValue: 1 << 17)  // MS_UNBINDABLE
    public static let `private` = MountFlags(rawValue: 1 << 18)  // MS_PRIVATE
    public static let slave = MountFlags(rawValue: 1 << 19)  // MS_SLAVE
    public static let shared = MountFlags(rawValue: 1 << 20)  // MS_SHARED
    public static let relATime = MountFlags(rawValue: 1 << 21)  // MS_RELATIME
    public static let strictATime = MountFlags(rawValue: 1 << 24)  // MS_STRICTATIME
    public static let lazyTime = MountFlags(rawValue: 1 << 25)  // MS_LAZYTIME

    /// The propagation-type flags, which mount(2) takes only on their own.
    public static let propagation: MountFlags = [.unbindable, .private, .slave, .shared]
}

/// mount(2).
public func mount(
    source: String?, target: String, type: String?, flags: MountFlags, data: String? = nil
) throws(SystemError) {
    try syscallRetrying("mount", target) {
        Glibc.mount(source, target, type, flags.rawValue, data)
    }
}

/// umount2(2) flags.
public struct UnmountFlags: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let force = UnmountFlags(rawValue: 1)  // MNT_FORCE
    public static let detach = UnmountFlags(rawValue: 2)  // MNT_DETACH
    public static let expire = UnmountFlags(rawValue: 4)  // MNT_EXPIRE
    public static let noFollow = UnmountFlags(rawValue: 8)  // UMOUNT_NOFOLLOW
}

/// umount2(2).
public func unmount(_ target: String, flags: UnmountFlags = []) throws(SystemError) {
    try syscallRetrying("umount2", target) { umount2(target, flags.rawValue) }
}

/// pivot_root(2).
public func pivotRoot(newRoot: String, putOld: String) throws(SystemError) {
    try syscallRetrying("pivot_root", newRoot) { berth_pivot_root(newRoot, putOld) }
}

/// The mount points currently visible, from /proc/self/mountinfo (field 5).
public func mountPoints() -> [String] {
    guard let text = try? FileSystem.readString("/proc/self/mountinfo") else { return [] }
    var points: [String] = []
    for line in text.splitBytes(0x0a) {
        let fields = line.splitBytes(0x20, maxSplits: 5)
        if fields.count > 4 { points.append(unescapeMountInfo(String(fields[4]))) }
    }
    return points
}

/// Decodes mountinfo's octal escapes (\040 for space and so on).
func unescapeMountInfo(_ field: String) -> String {
    guard field.containsByte(0x5c) else { return field }
    var bytes: [UInt8] = []
    let source = Array(field.utf8)
    var index = 0
    while index < source.count {
        if source[index] == UInt8(ascii: "\\") && index + 3 < source.count + 0 && index + 3 <= source.count - 1 + 1 {
            let digits = source[(index + 1)...(index + 3)]
            if let value = UInt8(String(decoding: digits, as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
                continue
            }
        }
        bytes.append(source[index])
        index += 1
    }
    return String(decoding: bytes, as: UTF8.self)
}
