import CLinuxSys
import Glibc

/// The new mount API (fsopen/fsconfig/fsmount/move_mount): options are passed
/// one by one instead of in one page-sized string, which is what lets an
/// overlay have hundreds of layers.
public struct FilesystemContext: ~Copyable {
    let fd: Int32
    let type: String

    /// fsopen(2) for a filesystem type, e.g. "overlay".
    public init(type: String) throws(SystemError) {
        fd = try syscallRetrying("fsopen", type) { berth_fsopen(type, 1 /* FSOPEN_CLOEXEC */) }
        self.type = type
    }

    /// fsconfig(FSCONFIG_SET_STRING).
    public func set(_ key: String, _ value: String) throws(SystemError) {
        try syscallRetrying("fsconfig", "\(type) \(key)=\(value)") { berth_fsconfig_string(fd, key, value) }
    }

    /// Creates the superblock, makes a detached mount and attaches it at `target`.
    public func mount(at target: String) throws(SystemError) {
        try syscallRetrying("fsconfig(create)", type) { berth_fsconfig_create(fd) }
        let mountFD = try syscallRetrying("fsmount", type) { berth_fsmount(fd, 1 /* FSMOUNT_CLOEXEC */, 0) }
        defer { Glibc.close(mountFD) }
        try syscallRetrying("move_mount", target) { berth_move_mount_to(mountFD, target) }
    }

    deinit { Glibc.close(fd) }
}
