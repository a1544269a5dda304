import BerthArchive
import Glibc

/// Opens a stored layer blob as an uncompressed tar stream.
enum LayerBlob {
    /// Uncompressed layers only, until compression lands; compressed ones are
    /// refused with a clear error rather than misread.
    static func source(fileDescriptor: Int32, mediaType: String?) throws -> FileDescriptorByteSource {
        var source = FileDescriptorByteSource(fileDescriptor: fileDescriptor)
        var magic = [UInt8](repeating: 0, count: 4)
        let count = try magic.withUnsafeMutableBytes { try source.read(into: $0) }
        if count >= 2 && magic[0] == 0x1f && magic[1] == 0x8b {
            throw ImageStoreError.invalid("gzip-compressed layers are not supported yet")
        }
        if count >= 4 && magic == [0x28, 0xb5, 0x2f, 0xfd] {
            throw ImageStoreError.invalid("zstd-compressed layers are not supported yet")
        }
        guard lseek(fileDescriptor, 0, SEEK_SET) == 0 else { throw ImageStoreError.io("cannot rewind layer blob") }
        return FileDescriptorByteSource(fileDescriptor: fileDescriptor)
    }
}
