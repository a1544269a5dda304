import Foundation

/// What the store knows about one unpacked layer (`meta.json` beside its diff).
public struct LayerRecord: Codable, Sendable, Equatable {
    /// The chain ID: this layer plus everything below it.
    public var chainID: Digest
    /// The digest of this layer's uncompressed tar.
    public var diffID: Digest
    /// The chain ID of the layer below, if any.
    public var parent: Digest?
    /// The short name under `l/`, keeping overlay mount options short.
    public var link: String
    /// Bytes of the uncompressed tar.
    public var size: Int64

    public init(chainID: Digest, diffID: Digest, parent: Digest?, link: String, size: Int64) {
        self.chainID = chainID
        self.diffID = diffID
        self.parent = parent
        self.link = link
        self.size = size
    }
}
