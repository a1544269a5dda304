/// Cuts a stream of output into log messages the way Docker's log copier
/// does: one message per line (newline kept); a line with no newline yet waits
/// until 16 KiB have gathered, or the stream ends, and then goes out as is.
public struct LineSplitter: Sendable {
    /// Docker's copier buffer: partial lines longer than this are flushed.
    public static let maximumPartial = 16 * 1024

    private var pending: [UInt8] = []
    private let limit: Int

    /// A splitter flushing partial lines at `limit` bytes.
    public init(limit: Int = LineSplitter.maximumPartial) { self.limit = limit }

    /// Adds `bytes` and hands every complete message to `emit`.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, emit: (ArraySlice<UInt8>) -> Void) {
        pending.append(contentsOf: bytes)
        var start = 0
        var index = 0
        while index < pending.count {
            if pending[index] == 0x0a {
                emit(pending[start...index])
                start = index + 1
            } else if index + 1 - start >= limit {
                emit(pending[start...index])
                start = index + 1
            }
            index += 1
        }
        if start == pending.count {
            pending.removeAll(keepingCapacity: pending.capacity <= 2 * limit)
        } else if start > 0 {
            pending.removeSubrange(0..<start)
        }
    }

    /// Emits what is left (a last line without newline) at end of stream.
    public mutating func flush(emit: (ArraySlice<UInt8>) -> Void) {
        if !pending.isEmpty { emit(pending[...]) }
        pending = []
    }
}
