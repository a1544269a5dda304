import Foundation
import Glibc
import LinuxSys
import Testing

/// Root-only: attach streams through the real shim (what berthd relays for
/// `docker run`/`attach`): no output lost before start, stdin with half-close.
@Suite(.serialized, .enabled(if: ShimHarness.isRoot, "needs root: real namespaces and cgroups"))
struct AttachIntegrationTests {
    /// Connects, sends `attach …`, and checks the ok line; returns the stream socket.
    func attach(_ harness: ShimHarness, _ words: String) throws -> FileDescriptor {
        let fd = try Terminal.connectUnix(harness.stateDirectory + "/shim.sock")
        try fd.writeAll("attach \(words)\n")
        var reply: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd.rawValue, &byte, 1) == 1 && byte != 0x0a { reply.append(byte) }
        #expect(String(decoding: reply, as: UTF8.self) == #"{"ok":true}"#)
        return fd
    }

    /// Everything until the shim closes the stream.
    func readToEnd(_ fd: FileDescriptor) -> [UInt8] {
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd.rawValue, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return (try? fd.readAll()) ?? []
    }

    /// Splits Docker's multiplexed frames into (stream, payload) pairs, merging runs.
    func demultiplex(_ bytes: [UInt8]) -> [UInt8: String] {
        var result: [UInt8: String] = [:]
        var index = 0
        while index + 8 <= bytes.count {
            let size = Int(bytes[index + 4]) << 24 | Int(bytes[index + 5]) << 16 | Int(bytes[index + 6]) << 8 | Int(bytes[index + 7])
            let end = min(bytes.count, index + 8 + size)
            result[bytes[index], default: ""] += String(decoding: bytes[(index + 8)..<end], as: UTF8.self)
            index = end
        }
        return result
    }

    @Test func attachBeforeStartSeesAllOutputAndStdinHalfCloses() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["sh", "-c", "echo first; cat; echo done >&2; exit 4"])
        let started = harness.startShim(["--stdin", "--await-start"])
        #expect(started.status == 0, "\(started.stderr)")
        let stream = try attach(harness, "stdin stdout stderr stdin-once")
        defer { stream.close() }
        #expect(harness.request("start") == #"{"ok":true}"#)
        try stream.writeAll("hello\nworld\n")
        shutdown(stream.rawValue, Int32(SHUT_WR))
        let streams = demultiplex(readToEnd(stream))
        #expect(streams[1] == "first\nhello\nworld\n")
        #expect(streams[2] == "done\n")
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 4)
        let logged = harness.logRecords().compactMap { $0["log"] as? String }
        #expect(logged.contains("hello\n") && logged.contains("done\n"), "\(logged)")
    }

    @Test func aMegabyteOfBinaryThroughCatIsByteIdentical() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["cat"])
        #expect(harness.startShim(["--stdin", "--await-start"]).status == 0)
        let stream = try attach(harness, "stdin stdout stdin-once")
        defer { stream.close() }
        #expect(harness.request("start") == #"{"ok":true}"#)
        let payload = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255) }
        let writer = Thread {
            try? stream.writeAll(payload)
            shutdown(stream.rawValue, Int32(SHUT_WR))
        }
        writer.start()
        let received = readToEnd(stream)
        var output: [UInt8] = []
        var index = 0
        while index + 8 <= received.count {
            let size = Int(received[index + 4]) << 24 | Int(received[index + 5]) << 16 | Int(received[index + 6]) << 8 | Int(received[index + 7])
            #expect(received[index] == 1)
            output += received[(index + 8)..<min(received.count, index + 8 + size)]
            index += 8 + size
        }
        #expect(output.count == payload.count)
        #expect(output == payload)
    }

    @Test func startIsRefusedTwiceAndAttachAfterExitIsRefused() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["true"])
        #expect(harness.startShim(["--await-start"]).status == 0)
        #expect(harness.request("start") == #"{"ok":true}"#)
        #expect(harness.request("start")?.contains("already started") == true)
        #expect(harness.requestJSON("wait")?["exitCode"] as? Int == 0)
        #expect(harness.request("attach stdout")?.contains("exited") == true)
        #expect(harness.request("resize 10 10")?.contains("no terminal") == true)
    }
}

/// A shim waiting for `start` that never comes gives up: the created container is deleted and recorded.
@Suite(.serialized, .enabled(if: ShimHarness.isRoot, "needs root: real namespaces and cgroups"))
struct AwaitStartTimeoutTests {
    @Test func anUnstartedContainerIsDeletedAfterTheTimeout() throws {
        let harness = ShimHarness()
        defer { harness.cleanUp() }
        try harness.makeBundle(args: ["true"])
        #expect(harness.startShim(["--await-start", "--start-timeout", "1"]).status == 0)
        let waited = harness.requestJSON("wait", timeout: 15)
        #expect(waited?["exitCode"] as? Int == 137, "the created init was killed by the runtime's delete")
        let listed = ShimHarness.shell([ShimHarness.runtimePath, "--root", harness.runtimeRoot, "list", "-q"])
        #expect(!listed.stdout.contains(harness.id))
    }
}
