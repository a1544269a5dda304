/// One entry of `HostConfig.Mounts` (`docker run --mount`, and how compose
/// sends volumes): a bind, a volume or a tmpfs, with per-type options.
public struct ContainerMount: Codable, Sendable, Equatable, GoStyleEncodable {
    public var `Type`: String?
    public var Source: String?
    public var Target: String?
    public var ReadOnly: Bool?
    public var Consistency: String?
    public var BindOptions: BindOptions?
    public var VolumeOptions: VolumeOptions?
    public var TmpfsOptions: TmpfsOptions?

    /// A mount of `type` from `source` at `target`.
    public init(type: String, source: String? = nil, target: String, readOnly: Bool? = nil) {
        self.Type = type
        Source = source
        Target = target
        ReadOnly = readOnly
    }

    public static var omittedWhenEmpty: Set<String> {
        ["Type", "Source", "Target", "ReadOnly", "Consistency", "BindOptions", "VolumeOptions", "TmpfsOptions"]
    }

    /// `--mount type=bind,bind-propagation=…`.
    public struct BindOptions: Codable, Sendable, Equatable {
        public var Propagation: String?
        public var NonRecursive: Bool?
        public var CreateMountpoint: Bool?
        /// Options with a propagation mode.
        public init(propagation: String? = nil) { Propagation = propagation }
    }

    /// `--mount type=volume,volume-nocopy,…`.
    public struct VolumeOptions: Codable, Sendable, Equatable {
        public var NoCopy: Bool?
        public var Labels: [String: String]?
        public var Subpath: String?
        /// Options, optionally without copying image content into a new volume.
        public init(noCopy: Bool? = nil) { NoCopy = noCopy }
    }

    /// `--mount type=tmpfs,tmpfs-size=…,tmpfs-mode=…`.
    public struct TmpfsOptions: Codable, Sendable, Equatable {
        public var SizeBytes: Int64?
        public var Mode: UInt32?
        /// A size in bytes and permission bits.
        public init(sizeBytes: Int64? = nil, mode: UInt32? = nil) {
            SizeBytes = sizeBytes
            Mode = mode
        }
    }
}
