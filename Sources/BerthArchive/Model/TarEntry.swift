/// One file in a tar archive as Berth sees it: the logical metadata after ustar,
/// GNU long-name and PAX headers have been merged, without the file's contents.
public struct TarEntry: Hashable, Sendable {
    /// Path inside the archive, as stored (may be absolute or contain `..`; see SafeExtractor).
    public var name: String
    /// Hard-link target (an archive path) or symbolic-link target (any string).
    public var linkName: String
    /// What kind of file this is.
    public var type: TarEntryType
    /// Permission bits, including setuid, setgid and sticky.
    public var mode: UInt32
    public var uid: Int64
    public var gid: Int64
    public var userName: String
    public var groupName: String
    /// Size of the contents that follow the header (0 unless `type.hasData`).
    public var size: Int64
    /// Modification time; nanoseconds come only from PAX `mtime`.
    public var modificationTime: TarTimestamp
    /// Extended attributes (PAX `SCHILY.xattr.<name>`), values as raw bytes.
    public var xattrs: [String: [UInt8]]
    /// Every PAX record that applied to this entry (global then local), values as raw bytes.
    /// On write, records for the fields above are regenerated; other records pass through.
    public var paxRecords: [String: [UInt8]]

    /// An entry with the given name and type and everything else zero or empty.
    public init(
        name: String, type: TarEntryType = .regular, linkName: String = "", mode: UInt32 = 0o644,
        uid: Int64 = 0, gid: Int64 = 0, userName: String = "", groupName: String = "",
        size: Int64 = 0, modificationTime: TarTimestamp = TarTimestamp(seconds: 0),
        xattrs: [String: [UInt8]] = [:], paxRecords: [String: [UInt8]] = [:]
    ) {
        self.name = name
        self.linkName = linkName
        self.type = type
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.userName = userName
        self.groupName = groupName
        self.size = size
        self.modificationTime = modificationTime
        self.xattrs = xattrs
        self.paxRecords = paxRecords
    }

    /// A PAX record's value decoded as UTF-8 text, if present.
    public func paxRecord(_ key: String) -> String? {
        paxRecords[key].map { String(decoding: $0, as: UTF8.self) }
    }
}
