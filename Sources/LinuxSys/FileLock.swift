import Glibc

extension FileDescriptor {
    /// flock(2) LOCK_EX|LOCK_NB: takes an exclusive advisory lock without waiting.
    /// Returns false when another open file description holds it; the lock lasts until
    /// the descriptor is closed, so a crashed holder never leaves it stuck.
    public func tryLockExclusive() throws(SystemError) -> Bool {
        while true {
            if flock(rawValue, LOCK_EX | LOCK_NB) == 0 { return true }
            let code = currentErrno()
            if code == EINTR { continue }
            if code == EWOULDBLOCK { return false }
            throw SystemError("flock", errno: code)
        }
    }

    /// ftruncate(2): sets the file's length, e.g. before rewriting a pid file in place.
    public func truncate(to length: Int) throws(SystemError) {
        try syscallRetrying("ftruncate") { ftruncate(rawValue, off_t(length)) }
    }
}
