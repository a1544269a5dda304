import BerthArchive
import Foundation
import Testing

/// Every compressing sink's output read back by the matching decompressing source.
@Suite struct CompressionRoundTripTests {
    static let sizes = [0, 1, 511, (1 << 20) + 17, 5 << 20]

    @Test(arguments: Codec.allCases, sizes)
    func roundTrip(codec: Codec, size: Int) throws {
        let data = sampleData(count: size)
        let compressed = try codec.compress(data)
        #expect(CompressionFormat.detect(from: compressed) == codec.format)
        #expect(try codec.decompress(compressed) == data)
        #expect(try drain(DecompressingSource(MemoryByteSource(compressed)), readSize: 65536) == data)
    }

    @Test(arguments: [1, 2, 3, 8])
    func parallelGzipIsDeterministicAcrossThreadCounts(threads: Int) throws {
        let data = sampleData(count: (3 << 20) + 12345, seed: 42)
        func compress(threads: Int, chunk: Int) throws -> [UInt8] {
            let sink = try ParallelGzipSink(MemoryByteSink(), threads: threads, blockSize: 128 * 1024)
            try Codec.feed(data, into: sink, chunk: chunk)
            try sink.finish()
            return sink.base.bytes
        }
        let reference = try compress(threads: 1, chunk: 1 << 20)
        for _ in 0..<3 { #expect(try compress(threads: threads, chunk: 4093) == reference) }
        #expect(try Codec.gzip.decompress(reference) == data)
    }

    @Test func parallelGzipHeaderMatchesSingleThreadedHeader() throws {
        let single = try Codec.gzip.compress(Array("hello".utf8))
        let parallel = try Codec.parallelGzip.compress(Array("hello".utf8))
        #expect(Array(single.prefix(10)) == Array(parallel.prefix(10)))
        #expect(Array(single.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
    }

    @Test(arguments: [Codec.gzip, .zstd, .zstdWorkers])
    func outputIsDeterministic(codec: Codec) throws {
        let data = sampleData(count: 3 << 20, seed: 7)
        #expect(try codec.compress(data, chunk: 1000) == codec.compress(data, chunk: 65536))
    }

    @Test func plainDataPassesThroughDetection() throws {
        let data = sampleData(count: 10_000)
        let source = try DecompressingSource(MemoryByteSource(data))
        #expect(source.format == .none)
        #expect(try drain(source) == data)
        #expect(try drain(DecompressingSource(MemoryByteSource([0x1f]))) == [0x1f])
        #expect(try drain(DecompressingSource(MemoryByteSource([]))) == [])
    }

    @Test(arguments: CompressionFormat.allCases)
    func formatWrapsSource(format: CompressionFormat) throws {
        let data = sampleData(count: 70_000)
        let compressed: [UInt8]
        switch format {
        case .none: compressed = data
        case .gzip: compressed = try Codec.gzip.compress(data)
        case .zstd: compressed = try Codec.zstd.compress(data)
        }
        #expect(CompressionFormat.detect(from: compressed) == format)
        #expect(try drain(format.decompressing(MemoryByteSource(compressed))) == data)
    }

    @Test(arguments: Codec.allCases)
    func tarThroughCompressionRoundTrips(codec: Codec) throws {
        let big = sampleData(count: 3 << 20, seed: 99)
        let entries: [(TarEntry, [UInt8])] = [
            (TarEntry(name: "etc/", type: .directory, mode: 0o755), []),
            (TarEntry(name: "etc/hostname", mode: 0o644), Array("berth\n".utf8)),
            (TarEntry(name: "usr/lib/big.bin", mode: 0o644), big),
            (TarEntry(name: "empty", mode: 0o600), []),
        ]
        let compressed: [UInt8]
        switch codec {
        case .gzip:
            var writer = TarWriter(try GzipCompressingSink(MemoryByteSink()))
            for (entry, contents) in entries { try writer.append(entry, contents: contents) }
            try writer.finish()
            try writer.sink.finish()
            compressed = writer.sink.base.bytes
        case .parallelGzip, .parallelGzipOneThread:
            var writer = TarWriter(try ParallelGzipSink(MemoryByteSink(), threads: codec == .parallelGzip ? 2 : 1))
            for (entry, contents) in entries { try writer.append(entry, contents: contents) }
            try writer.finish()
            try writer.sink.finish()
            compressed = writer.sink.base.bytes
        case .zstd, .zstdWorkers:
            var writer = TarWriter(try ZstdCompressingSink(MemoryByteSink(), workers: codec == .zstd ? 0 : 2))
            for (entry, contents) in entries { try writer.append(entry, contents: contents) }
            try writer.finish()
            try writer.sink.finish()
            compressed = writer.sink.base.bytes
        }
        var reader = TarReader(try DecompressingSource(MemoryByteSource(compressed)))
        var read: [(String, [UInt8])] = []
        while let entry = try reader.next() { read.append((entry.name, try reader.readAllData())) }
        #expect(read.map(\.0) == entries.map(\.0.name))
        #expect(read.map(\.1) == entries.map(\.1))
    }
}
