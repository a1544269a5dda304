import BerthArchive
import Foundation
import Testing

/// Our streams read by the gzip, pigz and zstd CLIs and Python's gzip module, and theirs read by us.
@Suite struct CompressionInteropTests {
    static let data = sampleData(count: (2 << 20) + 333, seed: 11)

    /// (tool, command compressing stdin to stdout, command decompressing stdin to stdout, format)
    static let tools: [(String, String, String, CompressionFormat)] = [
        ("gzip", "gzip -6 -c", "gzip -dc", .gzip),
        ("pigz", "pigz -6 -p 2 -c", "pigz -dc", .gzip),
        ("zstd", "zstd -q -3 -c", "zstd -q -dc", .zstd),
        ("zstd", "zstd -q -3 -T2 -c", "zstd -q -dc", .zstd),
        ("python3", "python3 -c 'import gzip,sys; sys.stdout.buffer.write(gzip.compress(sys.stdin.buffer.read()))'",
         "python3 -c 'import gzip,sys; sys.stdout.buffer.write(gzip.decompress(sys.stdin.buffer.read()))'", .gzip),
    ]

    static var toolNames: [String] { tools.indices.map { "\(tools[$0].0)#\($0)" } }

    func tool(_ name: String) -> (String, String, String, CompressionFormat)? {
        guard let index = Int(name.split(separator: "#").last ?? "") else { return nil }
        let entry = Self.tools[index]
        guard installed(entry.0) else {
            print("skipping \(name): \(entry.0) is not installed")
            return nil
        }
        return entry
    }

    @Test(arguments: toolNames)
    func weReadTheirOutput(name: String) throws {
        guard let (_, compress, _, format) = tool(name) else { return }
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try writeFile(temp.path + "/in", Self.data)
        try shell("\(compress) < \(temp.path)/in > \(temp.path)/out")
        let compressed = try readFile(temp.path + "/out")
        #expect(CompressionFormat.detect(from: compressed) == format)
        #expect(try drain(DecompressingSource(MemoryByteSource(compressed)), readSize: 65536) == Self.data)
    }

    @Test(arguments: toolNames, Codec.allCases)
    func theyReadOurOutput(name: String, codec: Codec) throws {
        guard let (_, _, decompress, format) = tool(name), format == codec.format else { return }
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try writeFile(temp.path + "/in", try codec.compress(Self.data, blockSize: 256 * 1024))
        try shell("\(decompress) < \(temp.path)/in > \(temp.path)/out")
        #expect(try readFile(temp.path + "/out") == Self.data)
    }

    @Test func gzipTestsOurParallelOutputAsOneMember() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try writeFile(temp.path + "/in.gz", try Codec.parallelGzip.compress(Self.data, blockSize: 128 * 1024))
        try shell("gzip -t \(temp.path)/in.gz")
        // One member: `gzip -l` reports the full uncompressed size from the single trailer.
        let listing = try run(["gzip", "-l", temp.path + "/in.gz"])
        #expect(listing.contains(" \(Self.data.count) "))
    }

    @Test(arguments: [2, 3, 17])
    func multiMemberGzipIsReadWhole(members: Int) throws {
        // Members as `cat a.gz b.gz` or pigz --independent + concatenation would produce them.
        var compressed: [UInt8] = []
        var expected: [UInt8] = []
        for index in 0..<members {
            let part = sampleData(count: index == 1 ? 0 : 50_000 + index * 1000, seed: UInt64(index + 1))
            compressed += try Codec.gzip.compress(part)
            expected += part
        }
        #expect(try Codec.gzip.decompress(compressed, readSize: 1000) == expected)
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        try writeFile(temp.path + "/multi.gz", compressed)
        try shell("gzip -dc < \(temp.path)/multi.gz > \(temp.path)/out")
        #expect(try readFile(temp.path + "/out") == expected)
    }

    @Test func multiFrameZstdIsReadWhole() throws {
        let first = sampleData(count: 40_000, seed: 1)
        let second = sampleData(count: 60_000, seed: 2)
        let compressed = try Codec.zstd.compress(first) + Codec.zstdWorkers.compress(second)
        #expect(try Codec.zstd.decompress(compressed) == first + second)
    }

    @Test func gnuTarReadsOurGzipAndZstdLayers() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let tar = try Archive.write([
            (TarEntry(name: "dir/", type: .directory, mode: 0o755), []),
            (TarEntry(name: "dir/data.bin", mode: 0o644), Self.data),
        ])
        try writeFile(temp.path + "/layer.tar.gz", try Codec.parallelGzip.compress(tar))
        try writeFile(temp.path + "/layer.tar.zst", try Codec.zstd.compress(tar))
        let gz = try run(["tar", "-tzvf", temp.path + "/layer.tar.gz"])
        #expect(gz.contains("dir/data.bin"))
        let zst = try run(["tar", "--zstd", "-tvf", temp.path + "/layer.tar.zst"])
        #expect(zst.contains("dir/data.bin"))
    }

    @Test func weReadGNUTarGzipThroughTarReader() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try temp.sub("src")
        try writeFile(source + "/a.bin", Self.data)
        try writeFile(source + "/b.txt", Array("hello\n".utf8))
        try run(["tar", "-czf", temp.path + "/x.tar.gz", "-C", source, "a.bin", "b.txt"])
        let fd = open(temp.path + "/x.tar.gz", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var reader = TarReader(try GzipDecompressingSource(FileDescriptorByteSource(fileDescriptor: fd)))
        var found: [String: [UInt8]] = [:]
        while let entry = try reader.next() { found[entry.name] = try reader.readAllData() }
        #expect(found["a.bin"] == Self.data)
        #expect(found["b.txt"] == Array("hello\n".utf8))
    }
}
