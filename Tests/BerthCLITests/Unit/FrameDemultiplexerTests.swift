import BerthClient
import Testing

/// Docker's 8-byte stream frames must be split correctly however the bytes arrive.
@Suite struct FrameDemultiplexerTests {
    static let stream: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 8] + Array("started\n".utf8) + [2, 0, 0, 0, 0, 0, 0, 2] + Array("e\n".utf8)

    @Test func wholeFrames() {
        var demux = FrameDemultiplexer()
        let frames = demux.feed(Self.stream)
        #expect(frames.count == 2)
        #expect(frames[0].0 == .stdout && frames[0].1 == Array("started\n".utf8))
        #expect(frames[1].0 == .stderr && frames[1].1 == Array("e\n".utf8))
        #expect(!demux.hasPartialFrame)
    }

    @Test(arguments: [1, 3, 7, 9, 15])
    func splitAnywhere(_ size: Int) {
        var demux = FrameDemultiplexer()
        var frames: [(FrameDemultiplexer.Stream, [UInt8])] = []
        var index = 0
        while index < Self.stream.count {
            frames += demux.feed(Self.stream[index..<min(index + size, Self.stream.count)])
            index += size
        }
        #expect(frames.map(\.1) == [Array("started\n".utf8), Array("e\n".utf8)])
    }

    @Test func largeLength() {
        var demux = FrameDemultiplexer()
        let payload = [UInt8](repeating: 65, count: 70000)
        let header: [UInt8] = [1, 0, 0, 0, 0, 1, 0x11, 0x70]
        #expect(demux.feed(header + payload.prefix(100)).isEmpty)
        #expect(demux.hasPartialFrame)
        let frames = demux.feed(payload.dropFirst(100))
        #expect(frames.count == 1 && frames[0].1.count == 70000)
    }
}
