import BerthArchive

/// A byte source that copies everything read through it into the blob store,
/// so a layer tar is unpacked and kept (under its diff ID) in one pass.
final class TeeSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private var writer: BlobWriter?

    init(base: Base, writer: consuming BlobWriter) {
        self.base = base
        self.writer = .some(writer)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try base.read(into: buffer)
        if count > 0, var active = writer.take() {
            do {
                try active.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            } catch {
                writer = .some(active)
                throw error
            }
            writer = .some(active)
        }
        return count
    }

    /// Skipped bytes are still part of the layer: read them through.
    func skip(_ count: Int64) throws -> Int64 {
        var remaining = count
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
        defer { buffer.deallocate() }
        while remaining > 0 {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<Int(min(Int64(buffer.count), remaining))])
            let got = try read(into: chunk)
            if got == 0 { break }
            remaining -= Int64(got)
        }
        return count - remaining
    }

    /// Reads to the end of the input (the tar's trailing zero blocks and padding count too).
    func drain() throws {
        while try skip(1 << 20) > 0 {}
    }

    /// Publishes the copy; returns its digest — the layer's diff ID — and size.
    func commit() throws -> (Digest, Int64) {
        guard let active = writer.take() else { throw ContentError.io("layer copy already committed") }
        let size = active.count
        return (try active.commit(expected: nil, expectedSize: nil), size)
    }

    /// Throws the partial copy away.
    func abort() {
        writer.take()?.abort()
    }
}
