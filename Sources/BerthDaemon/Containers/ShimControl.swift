import Foundation
import LinuxSys

/// Talks to a container's berth-shim over its control socket: one request
/// line, one JSON reply line.
enum ShimControl {
    static func request(_ socketPath: String, _ line: String) throws -> String {
        let fd = try Terminal.connectUnix(socketPath)
        defer { fd.close() }
        try fd.writeAll(line + "\n")
        var reply: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        defer { buffer.deallocate() }
        while !reply.contains(0x0a) {
            let count = try fd.read(into: buffer)
            if count == 0 { break }
            reply.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: reply, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
