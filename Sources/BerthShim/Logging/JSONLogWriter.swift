import LinuxSys

/// Writes container output in Docker's json-file format, one record a line:
/// `{"log":"hello\n","stream":"stdout","time":"2026-11-30T01:23:45.123456789Z"}`.
/// A class, so the monitor's stream readers share one writer and one file.
public final class JSONLogWriter {
    private var file: RotatingLogFile
    private var record: [UInt8] = []
    /// Records that could not be written (disk full…); the container keeps running.
    public private(set) var droppedRecords = 0

    /// A writer over a rotating file.
    public init(file: RotatingLogFile) { self.file = file }

    /// Writes one message from `stream` ("stdout" or "stderr"), stamped now.
    public func write(_ message: ArraySlice<UInt8>, stream: String) {
        write(message, stream: stream, time: Timestamp.now())
    }

    /// Writes one message with a given timestamp.
    public func write(_ message: ArraySlice<UInt8>, stream: String, time: String) {
        append(message, stream: stream, time: time)
        flush()
    }

    /// Queues one message (see `flush`): the monitor stamps all the lines of
    /// one read with one time and writes them with one system call.
    public func append(_ message: ArraySlice<UInt8>, stream: String, time: String) {
        record.removeAll(keepingCapacity: true)
        record.append(contentsOf: #"{"log":""#.utf8)
        JSONText.appendEscaped(message, to: &record)
        record.append(contentsOf: #"","stream":""#.utf8)
        record.append(contentsOf: stream.utf8)
        record.append(contentsOf: #"","time":""#.utf8)
        record.append(contentsOf: time.utf8)
        record.append(contentsOf: "\"}\n".utf8)
        do {
            try file.append(record)
        } catch {
            droppedRecords += 1
        }
        if record.capacity > 64 * 1024 { record = [] }
    }

    /// Writes the queued messages.
    public func flush() {
        do { try file.flush() } catch { droppedRecords += 1 }
    }

    /// Closes the log file.
    public func close() { file.close() }
}
