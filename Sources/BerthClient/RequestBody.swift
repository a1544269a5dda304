import LinuxSys

/// What a request carries: nothing, bytes in memory (JSON), or a stream read
/// from a descriptor and sent chunked (load, import, cp), so a large tar is
/// never held in memory.
public enum RequestBody {
    case none
    case bytes([UInt8])
    case stream(FileDescriptor)
}
