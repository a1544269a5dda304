import CLinuxSys
import Glibc

/// One file found in an overlay upperdir, with what LayerDiff needs to write it.
struct UpperNode {
    /// Path relative to the upperdir, no leading or trailing `/`.
    let path: String
    let info: stat
    /// A symlink's target.
    var linkTarget = ""
    /// Attributes to carry into the tar (overlay bookkeeping already left out).
    var xattrs: [String: [UInt8]] = [:]
    /// A directory with `<prefix>opaque=y`.
    var opaque = false

    init(path: String, info: stat) {
        self.path = path
        self.info = info
    }

    var fileType: mode_t { info.st_mode & S_IFMT }

    /// An overlayfs whiteout: a character device with device number 0/0.
    var isWhiteout: Bool { fileType == S_IFCHR && info.st_rdev == 0 }

    /// The name this node has in the tar: `.wh.NAME` for a whiteout, else its path.
    var archivePath: String {
        guard isWhiteout else { return path }
        guard let slash = path.lastIndex(of: "/") else { return Whiteout.fileName(deleting: path) }
        return String(path[...slash]) + Whiteout.fileName(deleting: String(path[path.index(after: slash)...]))
    }

    /// The entry's modification time: the fixed one when asked for, else whole seconds.
    func modificationTime(_ options: DiffOptions) -> TarTimestamp {
        TarTimestamp(seconds: options.fixedModificationTime ?? Int64(info.st_mtim.tv_sec))
    }

    /// The tar entry for this node (a hard link is decided by the caller).
    func entry(_ options: DiffOptions) -> TarEntry? {
        let time = modificationTime(options)
        if isWhiteout {
            return TarEntry(name: archivePath, type: .regular, mode: 0, modificationTime: time)
        }
        let type: TarEntryType
        switch fileType {
        case S_IFREG: type = .regular
        case S_IFDIR: type = .directory
        case S_IFLNK: type = .symbolicLink
        case S_IFIFO: type = .fifo
        case S_IFCHR: type = .characterDevice(major: berth_major(info.st_rdev), minor: berth_minor(info.st_rdev))
        case S_IFBLK: type = .blockDevice(major: berth_major(info.st_rdev), minor: berth_minor(info.st_rdev))
        default: return nil
        }
        return TarEntry(
            name: type == .directory ? path + "/" : path, type: type, linkName: linkTarget,
            mode: UInt32(info.st_mode & 0o7777), uid: Int64(info.st_uid), gid: Int64(info.st_gid),
            size: type == .regular ? Int64(info.st_size) : 0, modificationTime: time, xattrs: xattrs
        )
    }

    /// The `.wh..wh..opq` entry that follows an opaque directory (owner and permissions of the directory, like Docker).
    func opaqueMarker(_ options: DiffOptions) -> TarEntry {
        TarEntry(
            name: path + "/" + Whiteout.opaqueMarker, mode: UInt32(info.st_mode & 0o777),
            uid: Int64(info.st_uid), gid: Int64(info.st_gid), modificationTime: modificationTime(options)
        )
    }
}
