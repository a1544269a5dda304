/// The kind of file a tar entry describes; devices carry their major and minor numbers.
public enum TarEntryType: Hashable, Sendable {
    case regular
    case hardLink
    case symbolicLink
    case characterDevice(major: UInt32, minor: UInt32)
    case blockDevice(major: UInt32, minor: UInt32)
    case directory
    case fifo
    /// A typeflag Berth does not model (GNU sparse, volume labels, …), kept so callers can skip it.
    case other(UInt8)

    /// The ustar typeflag byte written for this type.
    public var typeflag: UInt8 {
        switch self {
        case .regular: return UInt8(ascii: "0")
        case .hardLink: return UInt8(ascii: "1")
        case .symbolicLink: return UInt8(ascii: "2")
        case .characterDevice: return UInt8(ascii: "3")
        case .blockDevice: return UInt8(ascii: "4")
        case .directory: return UInt8(ascii: "5")
        case .fifo: return UInt8(ascii: "6")
        case .other(let flag): return flag
        }
    }

    /// Whether entries of this type carry file contents after their header.
    public var hasData: Bool {
        switch self {
        case .regular, .other: return true
        default: return false
        }
    }

    /// The type for a ustar typeflag and device numbers (ignored unless a device).
    init(typeflag: UInt8, major: UInt32, minor: UInt32) {
        switch typeflag {
        case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): self = .regular
        case UInt8(ascii: "1"): self = .hardLink
        case UInt8(ascii: "2"): self = .symbolicLink
        case UInt8(ascii: "3"): self = .characterDevice(major: major, minor: minor)
        case UInt8(ascii: "4"): self = .blockDevice(major: major, minor: minor)
        case UInt8(ascii: "5"): self = .directory
        case UInt8(ascii: "6"): self = .fifo
        default: self = .other(typeflag)
        }
    }
}
