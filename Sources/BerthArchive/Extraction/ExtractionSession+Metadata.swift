import CLinuxSys
import Glibc

/// Ownership, extended attributes and times for ExtractionSession; none of these follow a final symlink.
extension ExtractionSession {
    /// fchownat(AT_SYMLINK_NOFOLLOW) to the entry's uid/gid, when ownership is preserved.
    func applyOwnership(_ entry: TarEntry, directory: Int32, name: String) throws(ExtractionError) {
        guard options.preservesOwnership else { return }
        guard let uid = uid_t(exactly: entry.uid), let gid = gid_t(exactly: entry.gid) else {
            throw .system(entry: entry.name, operation: "fchownat (uid/gid out of range)", errno: EINVAL)
        }
        if case .failure(let error) = retrying({ fchownat(directory, name, uid, gid, AT_SYMLINK_NOFOLLOW) }) {
            throw .system(entry: entry.name, operation: "fchownat", errno: error.code)
        }
    }

    /// lsetxattr for each xattr, through the parent's /proc path; unsupported or forbidden ones become warnings.
    mutating func applyXattrs(_ entry: TarEntry, directory: Int32, name: String) throws(ExtractionError) {
        guard options.appliesXattrs, !entry.xattrs.isEmpty else { return }
        let path = procPath(directory, name)
        for key in entry.xattrs.keys.sorted() {
            guard let value = entry.xattrs[key] else { continue }
            // A layer must not plant overlayfs bookkeeping (redirects, opaque flags) except through whiteouts.
            if options.whiteouts != .preserve, key.hasPrefix("trusted.overlay.") {
                warn(entry, "xattr \(key) skipped: overlayfs attributes come only from whiteouts")
                continue
            }
            let result = value.withUnsafeBytes { bytes in
                retrying { berth_lsetxattr(path, key, bytes.baseAddress, bytes.count, 0) }
            }
            guard case .failure(let error) = result else { continue }
            switch error.code {
            case ENOTSUP, EPERM, EACCES:
                warn(entry, "xattr \(key) skipped: \(String(cString: strerror(error.code)))")
            default:
                throw .system(entry: entry.name, operation: "lsetxattr \(key)", errno: error.code)
            }
        }
    }

    /// utimensat(AT_SYMLINK_NOFOLLOW) to the entry's mtime.
    func applyTimes(_ entry: TarEntry, directory: Int32, name: String) throws(ExtractionError) {
        var times = Self.times(entry.modificationTime)
        if case .failure(let error) = retrying({ utimensat(directory, name, &times, AT_SYMLINK_NOFOLLOW) }) {
            throw .system(entry: entry.name, operation: "utimensat", errno: error.code)
        }
    }
}
