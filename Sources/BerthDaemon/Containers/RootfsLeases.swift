import Synchronization

/// Who is using a container's merged root filesystem outside of its run: cp,
/// export, diff and commit of a stopped container mount the overlay for as
/// long as they need it, and the last one out unmounts it — unless the
/// container was started meanwhile and now owns the mount.
final class RootfsLeases: Sendable {
    private struct Entry {
        var count = 0
        var mountedHere = false
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Counts one more user of container `id`'s rootfs; `mounting` says this
    /// user is about to mount it (it was not mounted).
    func retain(_ id: String, mounting: Bool) {
        entries.withLock { entries in
            var entry = entries[id] ?? Entry()
            entry.count += 1
            if mounting { entry.mountedHere = true }
            entries[id] = entry
        }
    }

    /// One user is done; true when it was the last and the mount was made here
    /// (so the caller should unmount it if the container is not running).
    func release(_ id: String) -> Bool {
        entries.withLock { entries in
            guard var entry = entries[id] else { return false }
            entry.count -= 1
            if entry.count > 0 {
                entries[id] = entry
                return false
            }
            entries[id] = nil
            return entry.mountedHere
        }
    }
}
