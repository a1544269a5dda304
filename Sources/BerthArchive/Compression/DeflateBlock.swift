/// One block of a ParallelGzipSink's input: its place in the stream, the 32 KiB of input
/// before it (the deflate window it may refer back into), and whether it ends the stream.
struct DeflateBlock: Sendable {
    let index: Int
    let dictionary: [UInt8]
    let data: [UInt8]
    let isLast: Bool
}

/// A compressed block: raw deflate ending byte-aligned (sync flush) or final, with its data's CRC-32.
struct DeflatedBlock: Sendable {
    let compressed: [UInt8]
    let crc: UInt32
    let length: Int
}
