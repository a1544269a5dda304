/// Writes a tar archive to any ByteSink: plain ustar where the entry fits, a PAX
/// extended header where it does not. Output is deterministic — the same entries
/// and contents always give the same bytes — so layer digests are reproducible.
///
/// ```swift
/// var writer = TarWriter(MemoryByteSink())
/// try writer.append(TarEntry(name: "etc/hostname", size: 5), contents: Array("berth".utf8))
/// try writer.finish()
/// ```
public struct TarWriter<Sink: ByteSink> {
    /// The sink, exposed so in-memory output can be collected after `finish()`.
    public private(set) var sink: Sink
    /// Whether sub-second modification times are kept (as PAX `mtime`); off by default
    /// because most layer tools truncate to seconds.
    public var preservesSubsecondTimes: Bool
    /// The entry whose data is being written, with bytes written so far.
    var open: (entry: TarEntry, written: Int64)?
    var finished = false

    /// A writer appending to `sink`.
    public init(_ sink: Sink, preservesSubsecondTimes: Bool = false) {
        self.sink = sink
        self.preservesSubsecondTimes = preservesSubsecondTimes
    }

    /// Writes an entry's header; follow with exactly `entry.size` bytes via `writeData`
    /// (none for non-regular types), then `endEntry()`.
    public mutating func beginEntry(_ entry: TarEntry) throws(TarError) {
        guard !finished else { throw .misuse("entry \"\(entry.name)\" appended after finish()") }
        guard open == nil else { throw .misuse("entry \"\(entry.name)\" begun before the previous one ended") }
        var entry = entry
        if !entry.type.hasData { entry.size = 0 }
        let header = try HeaderEncoder(entry: entry, subsecondTimes: preservesSubsecondTimes).encode()
        try emit(header)
        open = (entry, 0)
    }

    /// Writes part of the open entry's contents.
    public mutating func writeData(_ bytes: UnsafeRawBufferPointer) throws(TarError) {
        guard let current = open else { throw .misuse("data written with no open entry") }
        let total = current.written + Int64(bytes.count)
        guard total <= current.entry.size else {
            throw .sizeMismatch(entry: current.entry.name, declared: current.entry.size, written: total)
        }
        try emit(bytes)
        open = (current.entry, total)
    }

    /// Closes the open entry, checking its size and padding it to a 512-byte boundary.
    public mutating func endEntry() throws(TarError) {
        guard let current = open else { throw .misuse("endEntry() with no open entry") }
        guard current.written == current.entry.size else {
            throw .sizeMismatch(entry: current.entry.name, declared: current.entry.size, written: current.written)
        }
        open = nil
        let padding = Int(TarReader<MemoryByteSource>.padding(for: current.written))
        if padding > 0 { try emit([UInt8](repeating: 0, count: padding)) }
    }

    /// Writes a whole entry whose contents are in memory; `entry.size` is set from `contents`.
    public mutating func append(_ entry: TarEntry, contents: [UInt8] = []) throws(TarError) {
        var entry = entry
        if entry.type.hasData { entry.size = Int64(contents.count) }
        try beginEntry(entry)
        if entry.type.hasData {
            try contents.withBytes { (bytes) throws(TarError) in try writeData(bytes) }
        }
        try endEntry()
    }

    /// Writes a whole entry streaming exactly `entry.size` bytes of contents from `source`.
    public mutating func append(_ entry: TarEntry, from source: inout some ByteSource) throws(TarError) {
        try beginEntry(entry)
        var left = entry.type.hasData ? entry.size : 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while left > 0 {
            let want = Int(min(Int64(buffer.count), left))
            let got: Int
            do {
                got = try buffer.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
            } catch let error as TarError {
                throw error
            } catch {
                throw .stream(String(describing: error))
            }
            if got == 0 { break }
            try buffer.withBytes { (bytes) throws(TarError) in try writeData(UnsafeRawBufferPointer(rebasing: bytes[0..<got])) }
            left -= Int64(got)
        }
        try endEntry()
    }

    /// Ends the archive with two zero blocks; the writer accepts nothing afterwards.
    public mutating func finish() throws(TarError) {
        guard !finished else { return }
        if let current = open { throw .misuse("finish() while entry \"\(current.entry.name)\" is open") }
        try emit([UInt8](repeating: 0, count: 2 * HeaderBlock.size))
        finished = true
    }

    /// Writes bytes to the sink, mapping its errors to TarError.
    mutating func emit(_ bytes: [UInt8]) throws(TarError) {
        try bytes.withBytes { (raw) throws(TarError) in try emit(raw) }
    }

    mutating func emit(_ bytes: UnsafeRawBufferPointer) throws(TarError) {
        do {
            try sink.write(bytes)
        } catch let error as TarError {
            throw error
        } catch {
            throw .stream(String(describing: error))
        }
    }
}
