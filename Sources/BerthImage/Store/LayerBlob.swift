import BerthArchive
import Glibc

/// Opens a stored layer blob as an uncompressed tar stream, whatever it was
/// stored as (plain, gzip or zstd — detected from its first bytes).
enum LayerBlob {
    static func source(fileDescriptor: Int32, mediaType: String?) throws -> DecompressingSource<FileDescriptorByteSource> {
        do { return try DecompressingSource(FileDescriptorByteSource(fileDescriptor: fileDescriptor)) } catch {
            throw ImageStoreError.invalid("layer: \(error)")
        }
    }
}
