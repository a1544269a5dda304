import CZstd

/// A ByteSource decompressing a zstd stream read from `base`, as OCI `+zstd` layer blobs are.
///
/// Reads any number of concatenated frames (and skips skippable frames), verifies frame
/// checksums when present, and throws `CompressionError.truncated` when the input ends
/// inside a frame instead of returning a silently shorter stream.
public final class ZstdDecompressingSource<Base: ByteSource>: ByteSource {
    /// Where the compressed bytes come from.
    public private(set) var base: Base
    private let context: OpaquePointer
    /// Compressed bytes read from `base`; `position` of them consumed by zstd.
    private let input: UnsafeMutableRawBufferPointer
    private var inputSize = 0
    private var inputPosition = 0
    private var consumedFromBase: Int64 = 0
    private var baseEnded = false
    /// zstd's last hint: 0 once a frame is fully decoded and flushed.
    private var lastHint = 1
    /// Whether any compressed byte was ever seen (an empty input is not a zstd stream).
    private var sawInput = false

    /// Offset in the compressed input of the next byte zstd will consume.
    public var compressedOffset: Int64 { consumedFromBase - Int64(inputSize - inputPosition) }

    /// A source decompressing zstd read from `base`.
    public init(_ base: Base) throws(CompressionError) {
        guard let context = ZSTD_createDCtx() else {
            throw .library(format: .zstd, operation: "ZSTD_createDCtx", reason: "out of memory")
        }
        self.base = base
        self.context = context
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: ZSTD_DStreamInSize(), alignment: 16)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
    }

    /// Decompresses into `buffer`; returns 0 only after the last frame ended cleanly.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if inputPosition == inputSize, !baseEnded { try refill() }
            let inputLeft = inputSize - inputPosition
            if inputLeft == 0, baseEnded, lastHint == 0 || !sawInput {
                guard sawInput else { throw CompressionError.truncated(format: .zstd, compressedOffset: 0) }
                // The last frame ended; let zstd flush anything it still holds.
                if lastHint == 0 { return 0 }
            }
            var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: inputSize, pos: inputPosition)
            var outBuffer = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
            let hint = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
            let consumed = inBuffer.pos - inputPosition
            inputPosition = inBuffer.pos
            if ZSTD_isError(hint) != 0 {
                throw CompressionError.corrupt(format: .zstd, compressedOffset: compressedOffset, reason: String(cString: ZSTD_getErrorName(hint)))
            }
            lastHint = hint
            if outBuffer.pos > 0 { return outBuffer.pos }
            if consumed == 0, inputPosition == inputSize, baseEnded {
                if hint == 0 { return 0 }
                throw CompressionError.truncated(format: .zstd, compressedOffset: compressedOffset)
            }
        }
    }

    /// Reads the next chunk of compressed bytes from `base` into `input`.
    private func refill() throws {
        let got = try base.read(into: input)
        inputPosition = 0
        inputSize = got
        if got == 0 {
            baseEnded = true
            return
        }
        sawInput = true
        consumedFromBase += Int64(got)
    }
}
