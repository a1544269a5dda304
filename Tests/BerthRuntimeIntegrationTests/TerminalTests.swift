import Foundation
import Glibc
import LinuxSys
import OCI
import Testing

/// Guards terminal handling: the pty master reaches the console socket the way
/// runc hands it over, and the container sees a real terminal of the asked size.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real containers"))
struct TerminalRootTests {
    let harness = RuntimeHarness()

    @Test func consoleSocketReceivesThePty() throws {
        defer { harness.cleanUp() }
        let socketPath = harness.workDirectory + "/console.sock"
        let listener = try listen(at: socketPath)
        defer { close(listener) }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "tty; stty size; echo done"]) {
            $0.process?.terminal = true
            $0.process?.consoleSize = ConsoleSize(height: 40, width: 100)
        }
        let id = harness.newID()
        // create blocks until it has sent the master, so accept concurrently.
        let received = DataBox()
        let acceptor = Thread {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if let master = try? Terminal.receiveDescriptor(over: FileDescriptor(rawValue: connection)) {
                var buffer = [UInt8](repeating: 0, count: 4096)
                var output = Data()
                let deadline = Date().addingTimeInterval(20)
                while Date() < deadline {
                    var entry = pollfd(fd: master.rawValue, events: Int16(POLLIN), revents: 0)
                    if poll(&entry, 1, 200) <= 0 { if output.count > 0 && String(decoding: output, as: UTF8.self).contains("done") { break }; continue }
                    let count = read(master.rawValue, &buffer, buffer.count)
                    if count <= 0 { break }
                    output.append(contentsOf: buffer[0..<count])
                }
                received.data = output
                master.close()
            }
            close(connection)
        }
        acceptor.start()
        let created = harness.runtime(["create", "--bundle", bundle, "--console-socket", socketPath, id])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(harness.runtime(["start", id]).status == 0)
        for _ in 0..<500 where received.data.isEmpty || !String(decoding: received.data, as: UTF8.self).contains("done") { usleep(20_000) }
        let text = String(decoding: received.data, as: UTF8.self)
        #expect(text.contains("/dev/pts/0"), "output: \(text)")
        #expect(text.contains("40 100"), "output: \(text)")
        harness.runtime(["delete", "--force", id])
    }

    @Test func terminalWithoutConsoleSocketIsRefused() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"]) { $0.process?.terminal = true }
        let id = harness.newID()
        let result = harness.runtime(["create", "--bundle", bundle, id])
        #expect(result.status != 0)
        #expect(result.stderr.contains("console-socket"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: harness.stateRoot + "/" + id))
    }

    private func listen(at path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let size = socklen_t(MemoryLayout<sockaddr_un>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        guard bound == 0, Glibc.listen(fd, 4) == 0 else { throw SystemError("bind", path) }
        return fd
    }
}
