/// Splits Docker's multiplexed stream (attach, logs and exec of a container
/// without a TTY) into stdout and stderr payloads. Each frame is an 8-byte
/// header `[stream, 0, 0, 0, length as big-endian UInt32]` and its payload;
/// frames may arrive split across reads, so bytes are buffered until whole.
public struct FrameDemultiplexer: Sendable {
    /// Which stream a payload belongs to (0 stdin, 1 stdout, 2 stderr).
    public enum Stream: UInt8, Sendable {
        case stdin = 0, stdout = 1, stderr = 2
    }

    private var pending: [UInt8] = []
    private var pendingStart = 0

    public init() {}

    /// Feeds bytes; returns every frame completed by them, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [(Stream, [UInt8])] {
        pending.append(contentsOf: bytes)
        var frames: [(Stream, [UInt8])] = []
        while pending.count - pendingStart >= 8 {
            let base = pendingStart
            let length = Int(pending[base + 4]) << 24 | Int(pending[base + 5]) << 16 | Int(pending[base + 6]) << 8 | Int(pending[base + 7])
            guard pending.count - base - 8 >= length else { break }
            let stream = Stream(rawValue: pending[base]) ?? .stdout
            frames.append((stream, Array(pending[(base + 8)..<(base + 8 + length)])))
            pendingStart = base + 8 + length
        }
        if pendingStart > 0 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return frames
    }

    /// True when a partial frame is still waiting for bytes.
    public var hasPartialFrame: Bool { !pending.isEmpty }
}
