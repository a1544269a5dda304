import CZlib

/// A ByteSource inflating a gzip stream read from `base`, as Docker layer blobs are.
///
/// Reads multi-member input (concatenated members, as pigz and Go's writer may emit),
/// lets zlib verify each member's CRC-32 and length, ignores trailing zero padding like
/// `gzip -d`, and throws `CompressionError.truncated` when the input ends inside a member,
/// so a cut-off download never reads as a shorter, valid layer.
///
/// ```swift
/// var reader = TarReader(try GzipDecompressingSource(FileDescriptorByteSource(fileDescriptor: fd)))
/// ```
public final class GzipDecompressingSource<Base: ByteSource>: ByteSource {
    /// Where the compressed bytes come from.
    public private(set) var base: Base
    /// zlib's state; heap-allocated because zlib keeps a pointer back to it.
    private let stream: UnsafeMutablePointer<z_stream>
    /// Compressed bytes read from `base` and not yet consumed by inflate.
    private let input: UnsafeMutableRawBufferPointer
    /// Compressed bytes read from `base` so far.
    private var consumedFromBase: Int64 = 0
    /// Whether `base` has reported its end.
    private var baseEnded = false
    private var state = State.inMember

    private enum State { case inMember, betweenMembers, finished }

    /// Offset in the compressed input of the next byte inflate will consume.
    public var compressedOffset: Int64 { consumedFromBase - Int64(stream.pointee.avail_in) }

    /// A source inflating gzip read from `base`, `bufferSize` compressed bytes at a time.
    public init(_ base: Base, bufferSize: Int = 64 * 1024) throws(CompressionError) {
        self.base = base
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 512), alignment: 16)
        let status = czlib_inflateInit2(stream, 16 + MAX_WBITS)
        guard status == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw .library(format: .gzip, operation: "inflateInit2", reason: ZlibStatus.describe(status, stream: nil))
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Inflates into `buffer`; returns 0 only after the last member ended cleanly.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0, let out = buffer.baseAddress else { return 0 }
        while true {
            switch state {
            case .finished:
                return 0
            case .betweenMembers:
                try startNextMember()
                continue
            case .inMember:
                break
            }
            if stream.pointee.avail_in == 0, !baseEnded { try refill() }
            stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(clamping: buffer.count)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = buffer.count - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                state = .betweenMembers
            case Z_OK:
                break
            case Z_BUF_ERROR:
                // No progress was possible: zlib needs input we do not have.
                if stream.pointee.avail_in == 0, baseEnded, produced == 0 {
                    throw CompressionError.truncated(format: .gzip, compressedOffset: compressedOffset)
                }
            case Z_MEM_ERROR:
                throw CompressionError.library(format: .gzip, operation: "inflate", reason: "out of memory")
            default:
                throw CompressionError.corrupt(
                    format: .gzip, compressedOffset: compressedOffset, reason: ZlibStatus.describe(status, stream: stream))
            }
            if produced > 0 { return produced }
        }
    }

    /// After a member's trailer: another member, zero padding, or the end.
    private func startNextMember() throws {
        if stream.pointee.avail_in == 0, !baseEnded { try refill() }
        if stream.pointee.avail_in == 0 {
            state = .finished
            return
        }
        guard let next = stream.pointee.next_in else { return }
        if next.pointee == 0 {
            try consumeZeroPadding()
            state = .finished
            return
        }
        guard next.pointee == CompressionFormat.gzipMagic[0] else {
            throw CompressionError.corrupt(format: .gzip, compressedOffset: compressedOffset, reason: "trailing garbage after the last member")
        }
        let status = inflateReset(stream)
        guard status == Z_OK else {
            throw CompressionError.library(format: .gzip, operation: "inflateReset", reason: ZlibStatus.describe(status, stream: stream))
        }
        state = .inMember
    }

    /// Accepts only zero bytes up to the end of `base` (tape-style padding, as `gzip -d` does).
    private func consumeZeroPadding() throws {
        while true {
            while stream.pointee.avail_in > 0, let next = stream.pointee.next_in {
                guard next.pointee == 0 else {
                    throw CompressionError.corrupt(format: .gzip, compressedOffset: compressedOffset, reason: "trailing garbage after the last member")
                }
                stream.pointee.next_in = next + 1
                stream.pointee.avail_in -= 1
            }
            if baseEnded { return }
            try refill()
        }
    }

    /// Reads the next chunk of compressed bytes from `base` into `input`.
    private func refill() throws {
        let got = try base.read(into: input)
        if got == 0 {
            baseEnded = true
            return
        }
        consumedFromBase += Int64(got)
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(got)
    }
}
