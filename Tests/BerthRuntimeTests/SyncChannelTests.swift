import Testing
@testable import BerthRuntime
@testable import LinuxSys

// Guards the framed parent/child setup handshake over a socketpair.
@Suite struct SyncChannelTests {
    /// Runs `body` with a reader and a writer on a fresh socketpair; `closeWriter` sends EOF.
    func withPair(_ body: (_ reader: SyncChannel, _ writer: SyncChannel, _ closeWriter: () -> Void) throws -> Void) throws {
        let (readEnd, writeEnd) = try makeSocketPair()
        var writerOpen = true
        defer {
            if writerOpen { writeEnd.close() }
            readEnd.close()
        }
        try body(SyncChannel(fd: readEnd), SyncChannel(fd: writeEnd)) {
            writeEnd.close()
            writerOpen = false
        }
    }

    @Test func messagesAndPayloadsArriveInOrder() throws {
        try withPair { parent, child, _ in
            try child.send(.runHooks)
            try child.send(.failed, "mount /proc: EPERM ✗")
            let hooks = try parent.receive()
            #expect(hooks?.0 == .runHooks)
            #expect(hooks?.1 == "")
            let failed = try parent.receive()
            #expect(failed?.0 == .failed)
            #expect(failed?.1 == "mount /proc: EPERM ✗")
        }
    }

    @Test func payloadLargerThanSocketBuffer() async throws {
        let (a, b) = try makeSocketPair()
        defer { a.close(); b.close() }
        let big = String(repeating: "x", count: 600_000)
        let reader = Task.detached { try SyncChannel(fd: b).receive()?.1 }
        try SyncChannel(fd: a).send(.ready, big)
        #expect(try await reader.value == big)
    }

    @Test func endOfFileIsNil() throws {
        try withPair { reader, writer, closeWriter in
            try writer.send(.go)
            closeWriter()
            #expect(try reader.receive()?.0 == .go)
            #expect(try reader.receive() == nil)
        }
    }

    @Test func expect() throws {
        try withPair { reader, writer, closeWriter in
            try writer.send(.go)
            try reader.expect(.go)
            try writer.send(.failed, "boom")
            #expect { try reader.expect(.go) } throws: { ($0 as? RuntimeError)?.message == "boom" }
            try writer.send(.start)
            #expect { try reader.expect(.go) } throws: { ($0 as? RuntimeError)?.message == "unexpected setup message start" }
            closeWriter()
            #expect { try reader.expect(.go) } throws: { ($0 as? RuntimeError)?.message == "the runtime went away during setup" }
        }
    }

    @Test func badFramesAreErrors() throws {
        let (a, b) = try makeSocketPair()
        defer { a.close(); b.close() }
        try a.writeAll([0x00, 0, 0, 0, 0])  // unknown type
        try a.writeAll([SyncChannel.Message.go.rawValue, 0xff, 0, 0, 0])  // 4 GiB payload
        #expect(throws: SystemError.self) { try SyncChannel(fd: b).receive() }
        #expect(throws: SystemError.self) { try SyncChannel(fd: b).receive() }
    }

    @Test
    func truncatedPayloadIsAnError() throws {
        let (a, b) = try makeSocketPair()
        defer { b.close() }
        try a.writeAll([SyncChannel.Message.failed.rawValue, 0, 0, 0, 10] + Array("abc".utf8))
        a.close()
        #expect(throws: SystemError.self) { try SyncChannel(fd: b).receive() }
    }
}
