import BerthArchive
import Testing

@Suite struct RoundTripTests {
    static let longName = String(repeating: "deep/", count: 40) + "file.txt"
    static let cases: [(String, TarEntry, [UInt8])] = [
        ("plain file", TarEntry(name: "etc/hostname", mode: 0o644, uid: 1, gid: 2, userName: "u", groupName: "g",
                                modificationTime: TarTimestamp(seconds: 1_700_000_000)), Array("berth\n".utf8)),
        ("empty file", TarEntry(name: "empty"), []),
        ("block-sized file", TarEntry(name: "block"), [UInt8](repeating: 7, count: 1024)),
        ("long name", TarEntry(name: longName), Array("x".utf8)),
        ("non-ASCII name", TarEntry(name: "caf\u{e9}/\u{1F6A2}.txt"), Array("y".utf8)),
        ("long symlink", TarEntry(name: "link", type: .symbolicLink, linkName: String(repeating: "t", count: 300)), []),
        ("hard link", TarEntry(name: "hard", type: .hardLink, linkName: "etc/hostname"), []),
        ("directory", TarEntry(name: "var/lib/", type: .directory, mode: 0o1777), []),
        ("char device", TarEntry(name: "dev/null", type: .characterDevice(major: 1, minor: 3), mode: 0o666), []),
        ("block device", TarEntry(name: "dev/sda", type: .blockDevice(major: 8, minor: 0)), []),
        ("huge device numbers", TarEntry(name: "dev/big", type: .characterDevice(major: 4_000_000, minor: 3_000_000)), []),
        ("fifo", TarEntry(name: "run/pipe", type: .fifo), []),
        ("large uid/gid", TarEntry(name: "owned", uid: 10_000_000, gid: 3_000_000_000), []),
        ("long user name", TarEntry(name: "named", userName: String(repeating: "u", count: 40), groupName: "gr\u{fc}n"), []),
        ("negative mtime", TarEntry(name: "old", modificationTime: TarTimestamp(seconds: -86_400)), []),
        ("xattrs", TarEntry(name: "caps", xattrs: ["security.capability": [1, 0, 0, 2, 0xff, 0, 0x0a], "user.note": Array("hi".utf8)]), []),
        ("setuid", TarEntry(name: "bin/su", mode: 0o4755), []),
    ]

    @Test(arguments: cases)
    func entrySurvivesWriteAndRead(label: String, entry: TarEntry, contents: [UInt8]) throws {
        let bytes = try Archive.write([(entry, contents)])
        #expect(bytes.count % 512 == 0)
        #expect(bytes.suffix(1024).allSatisfy { $0 == 0 })
        let read = try Archive.read(bytes)
        try #require(read.count == 1)
        let (got, data) = read[0]
        var expected = entry
        expected.size = entry.type.hasData ? Int64(contents.count) : 0
        #expect(got.name == expected.name)
        #expect(got.linkName == expected.linkName)
        #expect(got.type == expected.type)
        #expect(got.mode == expected.mode)
        #expect(got.uid == expected.uid)
        #expect(got.gid == expected.gid)
        #expect(got.userName == expected.userName)
        #expect(got.groupName == expected.groupName)
        #expect(got.size == expected.size)
        #expect(got.modificationTime == expected.modificationTime)
        #expect(got.xattrs == expected.xattrs)
        #expect(data == contents)
    }

    @Test func subsecondTimesOnlyWhenAsked() throws {
        let entry = TarEntry(name: "t", modificationTime: TarTimestamp(seconds: 5, nanoseconds: 123_456_789))
        let kept = try Archive.read(Archive.write([(entry, [])], subsecond: true))
        #expect(kept.first?.0.modificationTime == entry.modificationTime)
        let truncated = try Archive.read(Archive.write([(entry, [])]))
        #expect(truncated.first?.0.modificationTime == TarTimestamp(seconds: 5))
    }

    @Test func outputIsDeterministic() throws {
        let entries: [(TarEntry, [UInt8])] = Self.cases.map { ($0.1, $0.2) }
        #expect(try Archive.write(entries) == Archive.write(entries))
    }

    @Test func plainEntriesNeedNoPAXHeader() throws {
        let bytes = try Archive.write([(TarEntry(name: "a/b"), Array("c".utf8))])
        #expect(bytes.count == 512 * 4)  // header, one data block, two zero blocks
        #expect(bytes[156] == UInt8(ascii: "0"))
    }

    @Test func unknownPAXRecordsPassThrough() throws {
        let entry = TarEntry(name: "f", paxRecords: ["comment": Array("kept".utf8), "path": Array("ignored".utf8)])
        let read = try Archive.read(Archive.write([(entry, [])]))
        #expect(read.first?.0.paxRecord("comment") == "kept")
        #expect(read.first?.0.name == "f")
    }

    @Test func streamsDataInPieces() throws {
        let contents = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 31) }
        let bytes = try Archive.write([(TarEntry(name: "big"), contents), (TarEntry(name: "next"), [9])])
        var reader = TarReader(MemoryByteSource(bytes))
        _ = try reader.next()
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 777)
        while true {
            let got = try chunk.withUnsafeMutableBytes { try reader.readData(into: $0) }
            if got == 0 { break }
            collected += chunk[0..<got]
        }
        #expect(collected == contents)
        #expect(try reader.next()?.name == "next")
        #expect(try reader.readAllData() == [9])
        #expect(try reader.next() == nil)
    }

    @Test func unreadDataIsSkipped() throws {
        let bytes = try Archive.write([(TarEntry(name: "a"), [UInt8](repeating: 1, count: 5000)), (TarEntry(name: "b"), [2])])
        var reader = TarReader(MemoryByteSource(bytes))
        #expect(try reader.next()?.name == "a")
        #expect(try reader.next()?.name == "b")
        #expect(try reader.readAllData() == [2])
    }

    @Test func writerChecksDeclaredSize() throws {
        var writer = TarWriter(MemoryByteSink())
        try writer.beginEntry(TarEntry(name: "f", size: 4))
        try [UInt8]([1, 2]).withUnsafeBytes { try writer.writeData($0) }
        #expect(throws: TarError.sizeMismatch(entry: "f", declared: 4, written: 2)) { try writer.endEntry() }
    }

    @Test func writerStreamsFromASource() throws {
        var writer = TarWriter(MemoryByteSink())
        var source = MemoryByteSource(Array(repeating: 3, count: 70_000))
        try writer.append(TarEntry(name: "s", size: 70_000), from: &source)
        try writer.finish()
        #expect(try Archive.read(writer.sink.bytes).first?.1 == Array(repeating: 3, count: 70_000))
    }
}
