import CZlib

/// Human-readable text for zlib return codes, preferring zlib's own message.
enum ZlibStatus {
    /// zlib's `msg` when it set one, else the name of `status`.
    static func describe(_ status: Int32, stream: UnsafeMutablePointer<z_stream>?) -> String {
        if let message = stream?.pointee.msg { return String(cString: message) }
        switch status {
        case Z_NEED_DICT: return "a preset dictionary is required"
        case Z_DATA_ERROR: return "invalid deflate data"
        case Z_STREAM_ERROR: return "inconsistent stream state"
        case Z_MEM_ERROR: return "out of memory"
        case Z_BUF_ERROR: return "no progress possible"
        case Z_VERSION_ERROR: return "incompatible zlib version"
        default: return "zlib status \(status)"
        }
    }
}
