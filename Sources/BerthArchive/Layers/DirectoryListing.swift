import Glibc

/// Reading a directory's entries (fdopendir/readdir) and naming files by raw bytes:
/// Linux names are bytes, not necessarily UTF-8, and must survive a round trip unchanged.
enum DirectoryListing {
    /// The names in the directory `directory` refers to (an O_PATH descriptor is fine),
    /// without "." and "..", in no particular order.
    static func names(in directory: Int32) -> Result<[[UInt8]], Errno> {
        let fd: Int32
        switch retrying({ openat(directory, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(error)
        }
        guard let stream = fdopendir(fd) else {
            let code = errno
            close(fd)
            return .failure(Errno(code))
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { return .failure(Errno(errno)) }
                break
            }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return .success(names)
    }

    /// Calls `body` with `name` as a NUL-terminated C string.
    static func withCName<R>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // A buffer made from a non-empty array always has a base address.
                guard let base = chars.baseAddress else { return body("") }
                return body(base)
            }
        }
    }

    /// fstatat(2) of a raw name without following a final symlink; nil when nothing is there.
    static func lstat(_ name: [UInt8], in directory: Int32) -> stat? {
        var info = stat()
        let result = withCName(name) { fstatat(directory, $0, &info, AT_SYMLINK_NOFOLLOW) }
        return result == 0 ? info : nil
    }
}
