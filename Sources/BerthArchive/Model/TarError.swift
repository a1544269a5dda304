import Glibc

/// Why an archive could not be read or written; names the entry when one is known.
public enum TarError: Error, Equatable, CustomStringConvertible {
    /// A header's checksum does not match its bytes.
    case badChecksum(entry: String?, offset: Int64)
    /// The archive ended inside a header or inside an entry's data.
    case truncated(entry: String?, offset: Int64)
    /// A numeric header field holds something that is not octal or base-256.
    case invalidNumericField(field: String, entry: String?, offset: Int64)
    /// A header is malformed: a bad PAX record, an oversized GNU long name, a lone zero block…
    case malformedHeader(entry: String?, offset: Int64, reason: String)
    /// An entry cannot be represented (e.g. a NUL byte in its name, a negative size).
    case unrepresentable(entry: String, reason: String)
    /// More or fewer data bytes were written than the entry's header declared.
    case sizeMismatch(entry: String, declared: Int64, written: Int64)
    /// The writer was used out of order (data with no open entry, append after finish).
    case misuse(String)
    /// A read or write on the underlying descriptor failed.
    case io(operation: String, errno: Int32)
    /// A custom ByteSource or ByteSink threw.
    case stream(String)

    public var description: String {
        func name(_ entry: String?) -> String { entry.map { "entry \"\($0)\"" } ?? "header" }
        switch self {
        case .badChecksum(let entry, let offset): return "tar: bad header checksum for \(name(entry)) at offset \(offset)"
        case .truncated(let entry, let offset): return "tar: archive truncated in \(name(entry)) at offset \(offset)"
        case .invalidNumericField(let field, let entry, let offset):
            return "tar: invalid \(field) field in \(name(entry)) at offset \(offset)"
        case .malformedHeader(let entry, let offset, let reason):
            return "tar: malformed \(name(entry)) at offset \(offset): \(reason)"
        case .unrepresentable(let entry, let reason): return "tar: cannot write entry \"\(entry)\": \(reason)"
        case .sizeMismatch(let entry, let declared, let written):
            return "tar: entry \"\(entry)\" declared \(declared) bytes but \(written) were written"
        case .misuse(let what): return "tar: \(what)"
        case .io(let operation, let code): return "tar: \(operation) failed: \(String(cString: strerror(code)))"
        case .stream(let what): return "tar: stream error: \(what)"
        }
    }
}
