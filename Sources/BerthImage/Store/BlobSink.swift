import BerthArchive

/// A byte sink that writes straight into the blob store, so a layer tar made
/// by `commit` is hashed and stored as it is produced.
final class BlobSink: ByteSink {
    private var writer: BlobWriter?

    init(_ writer: consuming BlobWriter) { self.writer = .some(writer) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var active = writer.take() else { throw ContentError.io("blob already committed") }
        do {
            try active.append(bytes)
        } catch {
            writer = .some(active)
            throw error
        }
        writer = .some(active)
    }

    /// Publishes the blob; returns its digest and size.
    func commit() throws -> (Digest, Int64) {
        guard let active = writer.take() else { throw ContentError.io("blob already committed") }
        let size = active.count
        return (try active.commit(expected: nil, expectedSize: nil), size)
    }

    /// Discards the partial blob.
    func abort() { writer.take()?.abort() }
}
