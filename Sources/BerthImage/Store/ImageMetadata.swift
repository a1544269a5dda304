/// What the store records per image beside its config blob.
public struct ImageMetadata: Codable, Sendable, Equatable {
    /// The image ID (the config digest).
    public var id: Digest
    /// The chain ID of the top layer, nil for an image with no layers.
    public var topLayer: Digest?
    /// Size of the image's layers, uncompressed.
    public var size: Int64
    /// When a tag last pointed here (RFC 3339), for `docker inspect`'s Metadata.
    public var lastTagTime: String?
}

/// One image as listed or inspected: metadata, config and the names it has.
public struct ImageInfo: Sendable {
    public var metadata: ImageMetadata
    public var config: ImageConfig
    /// The exact config bytes (their digest is the ID).
    public var configBytes: [UInt8]
    public var references: [ImageReference]

    public var id: Digest { metadata.id }
}
