import BerthArchive
import Foundation

/// The compressors under test, each paired with the decompressor that reads its format.
enum Codec: String, CaseIterable, CustomStringConvertible, Sendable {
    case gzip, parallelGzip, parallelGzipOneThread, zstd, zstdWorkers

    var description: String { rawValue }
    var format: CompressionFormat { self == .zstd || self == .zstdWorkers ? .zstd : .gzip }

    /// `data` compressed, written in odd-sized chunks so block boundaries never line up with writes.
    func compress(_ data: [UInt8], chunk: Int = 7919, blockSize: Int = 64 * 1024) throws -> [UInt8] {
        switch self {
        case .gzip:
            let sink = try GzipCompressingSink(MemoryByteSink())
            try Self.feed(data, into: sink, chunk: chunk)
            try sink.finish()
            return sink.base.bytes
        case .parallelGzip, .parallelGzipOneThread:
            let sink = try ParallelGzipSink(MemoryByteSink(), threads: self == .parallelGzip ? 4 : 1, blockSize: blockSize)
            try Self.feed(data, into: sink, chunk: chunk)
            try sink.finish()
            return sink.base.bytes
        case .zstd, .zstdWorkers:
            let sink = try ZstdCompressingSink(MemoryByteSink(), workers: self == .zstd ? 0 : 2)
            try Self.feed(data, into: sink, chunk: chunk)
            try sink.finish()
            return sink.base.bytes
        }
    }

    /// `compressed` read back through this format's decompressing source.
    func decompress(_ compressed: [UInt8], readSize: Int = 4099) throws -> [UInt8] {
        switch format {
        case .gzip: return try drain(GzipDecompressingSource(MemoryByteSource(compressed)), readSize: readSize)
        case .zstd: return try drain(ZstdDecompressingSource(MemoryByteSource(compressed)), readSize: readSize)
        case .none: return compressed
        }
    }

    static func feed<Sink: ByteSink>(_ data: [UInt8], into sink: Sink, chunk: Int) throws {
        var sink = sink
        var offset = 0
        while offset < data.count {
            let end = min(offset + chunk, data.count)
            try data.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[offset..<end])) }
            offset = end
        }
    }
}

/// Everything a source yields, read `readSize` bytes at a time.
func drain(_ source: some ByteSource, readSize: Int = 4099) throws -> [UInt8] {
    var source = source
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: readSize)
    while true {
        let got = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        if got == 0 { return result }
        result.append(contentsOf: buffer[0..<got])
    }
}

/// Deterministic, semi-compressible bytes: runs of random bytes mixed with repeated words.
func sampleData(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed | 1
    func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
    let words: [[UInt8]] = ["layer ", "berth ", "container ", "/usr/lib/x86_64-linux-gnu/", "\n", "0000"].map { Array($0.utf8) }
    var data: [UInt8] = []
    data.reserveCapacity(count)
    while data.count < count {
        let r = next()
        if r % 3 == 0 {
            for _ in 0..<(r >> 8) % 64 { data.append(UInt8(truncatingIfNeeded: next())) }
        } else {
            data.append(contentsOf: words[Int((r >> 8) % UInt64(words.count))])
        }
    }
    return Array(data.prefix(count))
}

/// Runs `command` through /bin/sh; throws when it exits non-zero.
func shell(_ command: String) throws {
    try run(["sh", "-c", command])
}

/// Whether `program` is on PATH.
func installed(_ program: String) -> Bool {
    (try? run(["sh", "-c", "command -v \(program)"])) != nil
}

/// Writes `bytes` to `path`.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// The bytes of `path`, or a thrown error.
func readFile(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}
