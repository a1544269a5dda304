/// A ByteSource that sniffs `base`'s first bytes and decompresses gzip or zstd, or passes
/// plain data through — for layer blobs whose media type is missing or not trusted.
///
/// ```swift
/// var reader = TarReader(try DecompressingSource(FileDescriptorByteSource(fileDescriptor: fd)))
/// ```
public final class DecompressingSource<Base: ByteSource>: ByteSource {
    /// The format found in the first bytes.
    public let format: CompressionFormat
    private var storage: Storage

    private enum Storage {
        case plain(PrefixedByteSource<Base>)
        case gzip(GzipDecompressingSource<PrefixedByteSource<Base>>)
        case zstd(ZstdDecompressingSource<PrefixedByteSource<Base>>)
    }

    /// Reads up to `CompressionFormat.magicLength` bytes of `base` to pick the decompressor.
    public init(_ base: Base) throws {
        var base = base
        var first = [UInt8](repeating: 0, count: CompressionFormat.magicLength)
        var filled = 0
        while filled < first.count {
            let got = try first.withUnsafeMutableBytes { buffer in
                try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if got == 0 { break }
            filled += got
        }
        first.removeSubrange(filled...)
        format = CompressionFormat.detect(from: first)
        let source = PrefixedByteSource(prefix: first, base: base)
        switch format {
        case .none: storage = .plain(source)
        case .gzip: storage = .gzip(try GzipDecompressingSource(source))
        case .zstd: storage = .zstd(try ZstdDecompressingSource(source))
        }
    }

    /// Reads decompressed (or, for `.none`, plain) bytes.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        switch storage {
        case .plain(var source):
            let got = try source.read(into: buffer)
            storage = .plain(source)
            return got
        case .gzip(let source): return try source.read(into: buffer)
        case .zstd(let source): return try source.read(into: buffer)
        }
    }
}

extension CompressionFormat {
    /// Wraps `source` in the decompressor for this format (`.none` returns it unchanged, behind the same type).
    public func decompressing<Source: ByteSource>(_ source: Source) throws(CompressionError) -> any ByteSource {
        switch self {
        case .none: return source
        case .gzip: return try GzipDecompressingSource(source)
        case .zstd: return try ZstdDecompressingSource(source)
        }
    }
}
