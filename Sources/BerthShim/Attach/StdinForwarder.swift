import Glibc
import LinuxSys

/// Client input on its way to one process's stdin — a pipe, or the pty
/// master with a TTY. Input waits in a queue while the process does not read,
/// and a stdin-once client's end of input closes the pipe once all is written
/// (a pty is never closed: the terminal belongs to the process).
struct StdinForwarder {
    /// The pipe's write end or the pty master; nil once closed or never opened.
    var writer: FileDescriptor?
    /// Whether `writer` is a pty master.
    let isTerminal: Bool
    /// Input not yet taken by the process.
    var pending = ByteQueue()
    /// A stdin-once client has gone: close once `pending` is written.
    var closeWhenFlushed = false

    /// Whether clients may send more now (back-pressure on a process that does not read).
    var hasRoom: Bool { writer != nil && pending.count < AttachStream.highWater }

    /// Whether poll should wait for the writer to take more.
    var wantsWritable: Bool { writer != nil && !pending.isEmpty }

    /// Whether `flush` has anything to do.
    var needsFlush: Bool { !pending.isEmpty || closeWhenFlushed }

    /// Writes what the process takes now; closes a pipe after a stdin-once
    /// client's end of input once everything is written.
    mutating func flush() {
        guard let writer else {
            pending = ByteQueue()
            return
        }
        var broken = false
        pending.drain { bytes in
            let written = Glibc.write(writer.rawValue, bytes.baseAddress, bytes.count)
            if written < 0 {
                if errno != EAGAIN && errno != EINTR { broken = true }
                return 0
            }
            return written
        }
        if broken { pending = ByteQueue() }
        if closeWhenFlushed && pending.isEmpty && !isTerminal {
            writer.close()
            self.writer = nil
            closeWhenFlushed = false
        }
    }

    /// Closes a pipe writer (a pty master is closed with its output source).
    mutating func close() {
        if !isTerminal { writer?.close() }
        writer = nil
    }
}
