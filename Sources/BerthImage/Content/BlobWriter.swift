import Crypto
import Glibc
import LinuxSys

/// A blob being written: bytes go to a private ingest file while they are
/// hashed; `commit` verifies digest and size, fsyncs and renames it into the
/// store; `abort` (or any failure) removes the ingest file.
public struct BlobWriter: ~Copyable {
    let store: BlobStore
    let ingestPath: String
    let fd: FileDescriptor
    var hasher = SHA256()
    /// Bytes written so far.
    public private(set) var count: Int64 = 0

    init(store: BlobStore) throws(ContentError) {
        self.store = store
        let random = UInt64.random(in: 0...UInt64.max)
        ingestPath = store.root + "/ingest/" + String(random, radix: 16) + "-" + String(getpid())
        do { fd = try FileDescriptor.open(ingestPath, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600) } catch {
            throw .io("create ingest file: \(error)")
        }
    }

    /// Appends bytes.
    public mutating func append(_ bytes: [UInt8]) throws(ContentError) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { copy.deallocate() }
        copy.copyBytes(from: bytes)
        try append(UnsafeRawBufferPointer(copy))
    }

    /// Appends bytes from a buffer.
    public mutating func append(_ raw: UnsafeRawBufferPointer) throws(ContentError) {
        hasher.update(bufferPointer: raw)
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd.rawValue, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .io("write blob: \(SystemError("write", ingestPath))")
            }
            offset += written
        }
        count += Int64(raw.count)
    }

    /// Verifies and publishes the blob; returns its digest.
    public consuming func commit(expected: Digest?, expectedSize: Int64?) throws(ContentError) -> Digest {
        let digest = Digest(sha256: hasher.finalize())
        defer { fd.close() }
        if let expectedSize, expectedSize != count {
            unlink(ingestPath)
            throw .sizeMismatch(digest: expected, expected: expectedSize, actual: count)
        }
        if let expected, expected != digest {
            unlink(ingestPath)
            throw .digestMismatch(expected: expected, actual: digest)
        }
        guard fsync(fd.rawValue) == 0 else {
            unlink(ingestPath)
            throw .io("fsync blob: \(SystemError("fsync", ingestPath))")
        }
        // Same content already stored: keep the existing file.
        if store.contains(digest) {
            unlink(ingestPath)
            return digest
        }
        guard rename(ingestPath, store.path(of: digest)) == 0 else {
            let error = SystemError("rename", ingestPath)
            unlink(ingestPath)
            throw .io("store blob \(digest): \(error)")
        }
        return digest
    }

    /// Discards the partial blob.
    public consuming func abort() {
        fd.close()
        unlink(ingestPath)
    }
}
