import BerthArchive
import Foundation
import Testing

/// Damaged compressed input must fail loudly with a CompressionError, never read as shorter valid data.
@Suite struct CompressionErrorTests {
    static let data = sampleData(count: 300_000, seed: 5)
    static let codecs: [Codec] = [.gzip, .parallelGzip, .zstd]

    /// The CompressionError thrown while draining `compressed` with `codec`, or nil if it read cleanly.
    func failure(_ codec: Codec, _ compressed: [UInt8]) -> CompressionError? {
        do {
            _ = try codec.decompress(compressed)
            return nil
        } catch let error as CompressionError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test(arguments: codecs, [0.0, 0.001, 0.25, 0.5, 0.999, 1.0])
    func truncatedStreamIsAnError(codec: Codec, fraction: Double) throws {
        let compressed = try codec.compress(Self.data)
        // Cut at least one byte and at most everything but the trailer's last byte.
        let cut = min(compressed.count - 1, Int(Double(compressed.count) * fraction))
        let error = try #require(failure(codec, Array(compressed.prefix(cut))))
        switch error {
        case .truncated(let format, let offset):
            #expect(format == codec.format)
            #expect(offset <= Int64(cut))
        case .corrupt(let format, _, _):
            // Cutting inside a gzip trailer can surface as a length/CRC check.
            #expect(format == codec.format)
        default:
            Issue.record("unexpected \(error)")
        }
        #expect(error.description.contains(codec.format.rawValue))
    }

    @Test(arguments: codecs)
    func everyTrailingCutIsAnError(codec: Codec) throws {
        let compressed = try codec.compress(Self.data)
        for cut in (compressed.count - 12)..<compressed.count {
            #expect(failure(codec, Array(compressed.prefix(cut))) != nil, "cut at \(cut) of \(compressed.count)")
        }
    }

    @Test(arguments: codecs, [0.1, 0.5, 0.9])
    func corruptByteIsAnError(codec: Codec, fraction: Double) throws {
        var compressed = try codec.compress(Self.data)
        let position = Int(Double(compressed.count) * fraction)
        compressed[position] ^= 0x55
        let error = try #require(failure(codec, compressed))
        if case .corrupt(let format, let offset, let reason) = error {
            #expect(format == codec.format)
            #expect(offset > 0)
            #expect(!reason.isEmpty)
        } else if case .truncated = error {
            // A flipped bit can make a block look longer than the input.
        } else {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func corruptGzipTrailerCRCIsAnError() throws {
        var compressed = try Codec.gzip.compress(Self.data)
        compressed[compressed.count - 6] ^= 1
        let error = try #require(failure(.gzip, compressed))
        #expect(error.description.contains("gzip"))
        #expect(error.description.contains("check"))
    }

    @Test func trailingGarbageAfterGzipIsAnError() throws {
        let compressed = try Codec.gzip.compress(Self.data) + Array("garbage".utf8)
        #expect(failure(.gzip, compressed) != nil)
    }

    @Test func trailingZeroPaddingAfterGzipIsIgnored() throws {
        let compressed = try Codec.gzip.compress(Self.data) + [UInt8](repeating: 0, count: 10_000)
        #expect(try Codec.gzip.decompress(compressed) == Self.data)
    }

    @Test(arguments: [Codec.gzip, .zstd])
    func emptyInputIsTruncated(codec: Codec) {
        #expect(failure(codec, []) == .truncated(format: codec.format, compressedOffset: 0))
    }

    @Test func notGzipIsCorrupt() {
        let error = failure(.gzip, Array("definitely not gzip".utf8))
        guard case .corrupt(.gzip, _, _)? = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [Codec.gzip, .parallelGzip, .zstd])
    func writeAfterFinishIsMisuse(codec: Codec) throws {
        let byte: [UInt8] = [1]
        func attempt(_ sink: some ByteSink) throws {
            var sink = sink
            try byte.withUnsafeBytes { try sink.write($0) }
        }
        switch codec {
        case .gzip:
            let sink = try GzipCompressingSink(MemoryByteSink())
            try sink.finish()
            #expect(throws: CompressionError.self) { try attempt(sink) }
        case .zstd:
            let sink = try ZstdCompressingSink(MemoryByteSink())
            try sink.finish()
            #expect(throws: CompressionError.self) { try attempt(sink) }
        default:
            let sink = try ParallelGzipSink(MemoryByteSink())
            try sink.finish()
            #expect(throws: CompressionError.self) { try attempt(sink) }
        }
    }

    @Test func truncatedGzipTarFailsThroughTarReader() throws {
        let tar = try Archive.write([(TarEntry(name: "big", mode: 0o644), Self.data)])
        let compressed = try Codec.gzip.compress(tar)
        var reader = TarReader(try GzipDecompressingSource(MemoryByteSource(Array(compressed.prefix(compressed.count / 2)))))
        #expect(throws: TarError.self) {
            while try reader.next() != nil { _ = try reader.readAllData() }
        }
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: CompressionError.self) { try GzipCompressingSink(MemoryByteSink(), level: 10) }
        #expect(throws: CompressionError.self) { try ParallelGzipSink(MemoryByteSink(), blockSize: 100) }
        #expect(throws: CompressionError.self) { try ZstdCompressingSink(MemoryByteSink(), level: 1000) }
    }
}
