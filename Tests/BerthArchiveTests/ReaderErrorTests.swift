@testable import BerthArchive
import Testing

@Suite struct ReaderErrorTests {
    static func sample() throws -> [UInt8] {
        try Archive.write([(TarEntry(name: "first.txt"), [UInt8](repeating: 65, count: 1500)), (TarEntry(name: "second"), [1])])
    }

    @Test func badChecksumIsAnError() throws {
        var bytes = try Self.sample()
        bytes[10] ^= 0x20  // inside the first name field
        #expect(throws: TarError.self) { try Archive.read(bytes) }
        do {
            _ = try Archive.read(bytes)
        } catch let error as TarError {
            guard case .badChecksum(_, let offset) = error else { Issue.record("got \(error)"); return }
            #expect(offset == 0)
        }
    }

    @Test(arguments: [100, 512, 1000, 2048 + 100])
    func truncatedArchiveNamesTheEntry(keep: Int) throws {
        let bytes = Array(try Self.sample().prefix(keep))
        do {
            _ = try Archive.read(bytes)
            Issue.record("truncated archive was accepted")
        } catch let error as TarError {
            guard case .truncated(let entry, _) = error else { Issue.record("got \(error)"); return }
            if keep > 512 && keep < 2048 { #expect(entry == "first.txt") }
        }
    }

    @Test func truncatedWhileSkipping() throws {
        let bytes = Array(try Self.sample().prefix(1024))
        var reader = TarReader(MemoryByteSource(bytes))
        _ = try reader.next()
        #expect(throws: TarError.truncated(entry: "first.txt", offset: 1024)) { try reader.next() }
    }

    @Test func endWithoutZeroBlocksIsAccepted() throws {
        let bytes = Array(try Self.sample().dropLast(1024))
        #expect(try Archive.read(bytes).map(\.0.name) == ["first.txt", "second"])
    }

    @Test func hugeExtendedHeaderIsRefused() throws {
        var block = HeaderBlock()
        block.set(HeaderBlock.Field.name, Array("././@LongLink".utf8))
        block.set(HeaderBlock.Field.size, NumericField.format(1 << 40, width: 12) ?? [])
        block.bytes[156] = UInt8(ascii: "L")
        block.sealChecksum()
        #expect(throws: TarError.self) { try Archive.read(block.bytes) }
    }

    @Test func malformedPAXIsAnError() throws {
        var block = HeaderBlock()
        let body = Array("99 path=x\n".utf8)
        block.set(HeaderBlock.Field.name, Array("pax".utf8))
        block.set(HeaderBlock.Field.size, NumericField.format(Int64(body.count), width: 12) ?? [])
        block.bytes[156] = UInt8(ascii: "x")
        block.sealChecksum()
        let bytes = block.bytes + body + [UInt8](repeating: 0, count: 512 - body.count) + [UInt8](repeating: 0, count: 1024)
        #expect(throws: TarError.self) { try Archive.read(bytes) }
    }
}
