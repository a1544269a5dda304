import Foundation

/// What `HEAD/GET /containers/{id}/archive` report about a path in the
/// container, in the `X-Docker-Container-Path-Stat` header (base64 JSON);
/// `mode` is a Go `os.FileMode` (type bits high, permissions low), which is
/// what the docker CLI decodes.
public struct ContainerPathStat: Codable, Sendable, Equatable {
    public var name: String
    public var size: Int64
    public var mode: UInt32
    public var mtime: String
    public var linkTarget: String

    /// A stat entry as the CLI expects it.
    public init(name: String, size: Int64, mode: UInt32, mtime: String, linkTarget: String) {
        self.name = name
        self.size = size
        self.mode = mode
        self.mtime = mtime
        self.linkTarget = linkTarget
    }

    /// The header value: standard base64 of the JSON.
    public func headerValue() throws -> String {
        Data(try JSONCoding.encode(self)).base64EncodedString()
    }

    /// Go's `os.FileMode` for a POSIX `st_mode`: the type as Go's high bits,
    /// setuid/setgid/sticky as Go's, permissions as they are.
    public static func goFileMode(_ mode: UInt32) -> UInt32 {
        var result = mode & 0o777
        switch mode & 0o170000 {
        case 0o040000: result |= 1 << 31  // ModeDir
        case 0o120000: result |= 1 << 27  // ModeSymlink
        case 0o060000: result |= 1 << 26  // ModeDevice
        case 0o020000: result |= (1 << 26) | (1 << 21)  // ModeDevice | ModeCharDevice
        case 0o010000: result |= 1 << 25  // ModeNamedPipe
        case 0o140000: result |= 1 << 24  // ModeSocket
        default: break
        }
        if mode & 0o4000 != 0 { result |= 1 << 23 }  // ModeSetuid
        if mode & 0o2000 != 0 { result |= 1 << 22 }  // ModeSetgid
        if mode & 0o1000 != 0 { result |= 1 << 20 }  // ModeSticky
        return result
    }
}
