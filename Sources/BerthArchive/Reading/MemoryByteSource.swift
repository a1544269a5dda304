/// A ByteSource over bytes already in memory; handy for small archives and tests.
public struct MemoryByteSource: ByteSource, Sendable {
    public let bytes: [UInt8]
    /// How many bytes have been consumed.
    public private(set) var position = 0

    /// A source that yields `bytes` once, from the start.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes into `buffer`.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }

    /// Moves the position forward without copying.
    public mutating func skip(_ count: Int64) throws -> Int64 {
        let skipped = min(Int(clamping: count), bytes.count - position)
        position += skipped
        return Int64(skipped)
    }
}
