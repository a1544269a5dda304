import Crypto
import Glibc
import LinuxSys

/// Content-addressed storage for image blobs (layers, configs, manifests):
/// `<root>/blobs/sha256/<hex>`. A blob becomes visible only complete and
/// verified — written under `<root>/ingest`, fsynced, then renamed into place —
/// so a crash never leaves a half-written blob under a real digest.
public struct BlobStore: Sendable {
    public let root: String

    public init(root: String) throws(ContentError) {
        self.root = root
        do {
            try FileSystem.makeDirectories(root + "/blobs/sha256", mode: 0o700)
            try FileSystem.makeDirectories(root + "/ingest", mode: 0o700)
        } catch {
            throw .io("create content store at \(root): \(error)")
        }
    }

    /// Where a blob lives on disk.
    public func path(of digest: Digest) -> String { root + "/blobs/sha256/" + digest.hex }

    /// Whether the blob is present.
    public func contains(_ digest: Digest) -> Bool { FileSystem.exists(path(of: digest)) }

    /// The blob's size in bytes.
    public func size(of digest: Digest) throws(ContentError) -> Int64 {
        guard let info = FileSystem.statIfExists(path(of: digest)) else { throw .notFound(digest) }
        return Int64(info.st_size)
    }

    /// Stores bytes; returns their digest. With `expected`, refuses bytes that
    /// hash to anything else.
    @discardableResult
    public func write(_ bytes: [UInt8], expected: Digest? = nil) throws(ContentError) -> Digest {
        var writer = try BlobWriter(store: self)
        do {
            try writer.append(bytes)
        } catch {
            writer.abort()
            throw error
        }
        // commit removes the ingest file itself when it fails.
        return try writer.commit(expected: expected, expectedSize: nil)
    }

    /// Reads a whole blob, verifying its digest.
    public func read(_ digest: Digest) throws(ContentError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path(of: digest)) } catch {
            if error.errno == ENOENT { throw .notFound(digest) }
            throw .io("read blob \(digest): \(error)")
        }
        let actual = Digest(sha256: SHA256.hash(data: bytes))
        guard actual == digest else { throw .digestMismatch(expected: digest, actual: actual) }
        return bytes
    }

    /// Re-hashes a blob on disk in chunks and checks it against its name.
    public func verify(_ digest: Digest) throws(ContentError) {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(path(of: digest), O_RDONLY) } catch {
            if error.errno == ENOENT { throw .notFound(digest) }
            throw .io("open blob \(digest): \(error)")
        }
        defer { fd.close() }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count: Int
            do { count = try fd.read(into: buffer) } catch { throw .io("read blob \(digest): \(error)") }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        let actual = Digest(sha256: hasher.finalize())
        guard actual == digest else { throw .digestMismatch(expected: digest, actual: actual) }
    }

    /// Removes a blob; absent blobs are not an error.
    public func delete(_ digest: Digest) throws(ContentError) {
        if unlink(path(of: digest)) != 0 && errno != ENOENT {
            throw .io("delete blob \(digest): \(SystemError("unlink", path(of: digest)))")
        }
    }

    /// Every stored digest.
    public func list() -> [Digest] {
        ((try? FileSystem.listDirectory(root + "/blobs/sha256")) ?? []).compactMap { Digest("sha256:" + $0) }.sorted()
    }

    /// Starts a streaming write.
    public func writer() throws(ContentError) -> BlobWriter { try BlobWriter(store: self) }
}
