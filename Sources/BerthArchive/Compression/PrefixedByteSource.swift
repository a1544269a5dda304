/// A ByteSource that first replays bytes already read from `base` (e.g. to sniff a magic number), then continues with `base`.
public struct PrefixedByteSource<Base: ByteSource>: ByteSource {
    /// The source after the prefix.
    public private(set) var base: Base
    private let prefix: [UInt8]
    private var position = 0

    /// A source yielding `prefix`, then the rest of `base`.
    public init(prefix: [UInt8], base: Base) {
        self.prefix = prefix
        self.base = base
    }

    /// Copies from the prefix while any is left, then reads `base`.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard position < prefix.count else { return try base.read(into: buffer) }
        let count = min(buffer.count, prefix.count - position)
        prefix.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }
}
