/// A FIFO of bytes waiting for a non-blocking descriptor to accept them:
/// appends at the back, consumes from the front without shifting each time.
public struct ByteQueue {
    private var storage: [UInt8] = []
    private var head = 0

    /// An empty queue.
    public init() {}

    /// Bytes waiting.
    public var count: Int { storage.count - head }
    /// Whether nothing waits.
    public var isEmpty: Bool { head == storage.count }

    /// Adds bytes at the back.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) { storage.append(contentsOf: bytes) }
    /// Adds bytes at the back.
    public mutating func append(_ bytes: some Sequence<UInt8>) { storage.append(contentsOf: bytes) }

    /// Offers the waiting bytes to `write`, which returns how many it took
    /// (0 when the descriptor is full); consumes that many.
    public mutating func drain(_ write: (UnsafeRawBufferPointer) -> Int) {
        guard !isEmpty else { return }
        let taken = storage.withUnsafeBytes { raw in write(UnsafeRawBufferPointer(rebasing: raw[head...])) }
        guard taken > 0 else { return }
        head += taken
        if head == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= 1 << 20)
            head = 0
        } else if head > 1 << 20 && head > storage.count / 2 {
            storage.removeSubrange(0..<head)
            head = 0
        }
    }
}
