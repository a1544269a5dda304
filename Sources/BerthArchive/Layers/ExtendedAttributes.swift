import CLinuxSys
import Glibc

/// Reading a file's extended attributes without following a final symlink (llistxattr/lgetxattr).
enum ExtendedAttributes {
    /// Every attribute of `path` by name; a file system without xattrs gives none.
    static func all(_ path: String) -> Result<[String: [UInt8]], Errno> {
        var list: [UInt8] = []
        while true {
            let needed = berth_llistxattr(path, nil, 0)
            if needed < 0 {
                if errno == EINTR { continue }
                return errno == ENOTSUP ? .success([:]) : .failure(Errno(errno))
            }
            if needed == 0 { return .success([:]) }
            list = [UInt8](repeating: 0, count: needed)
            let got = list.withUnsafeMutableBytes { buffer in
                berth_llistxattr(path, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
            }
            if got >= 0 {
                list.removeLast(list.count - got)
                break
            }
            if errno != ERANGE && errno != EINTR { return .failure(Errno(errno)) }
        }
        var result: [String: [UInt8]] = [:]
        for raw in list.split(separator: 0) {
            let name = String(decoding: raw, as: UTF8.self)
            switch value(path, name) {
            case .success(let value?): result[name] = value
            case .success(nil): continue  // Removed meanwhile.
            case .failure(let error): return .failure(error)
            }
        }
        return .success(result)
    }

    /// One attribute's value, or nil when the file does not have it.
    static func value(_ path: String, _ name: String) -> Result<[UInt8]?, Errno> {
        while true {
            let needed = berth_lgetxattr(path, name, nil, 0)
            if needed < 0 {
                if errno == EINTR { continue }
                return errno == ENODATA || errno == ENOTSUP ? .success(nil) : .failure(Errno(errno))
            }
            var value = [UInt8](repeating: 0, count: needed)
            let got = value.withUnsafeMutableBytes { buffer in
                berth_lgetxattr(path, name, buffer.baseAddress, buffer.count)
            }
            if got >= 0 {
                value.removeLast(value.count - got)
                return .success(value)
            }
            if errno != ERANGE && errno != EINTR { return .failure(Errno(errno)) }
        }
    }
}
