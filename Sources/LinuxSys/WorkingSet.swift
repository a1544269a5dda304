import Glibc

/// Keeps a long-running process's code working set to the pages it uses.
/// The kernel maps up to 16 neighbouring page-cache pages on each code page
/// fault ("fault-around") and never unmaps them while memory is plentiful, so a
/// daemon linked against large libraries (Foundation, NIO, SQLite) keeps
/// megabytes of code resident after one burst of work. Dropping the clean,
/// read-only, executable pages when idle returns the process to what it needs
/// next; they fault back in (minor faults, from the page cache) on use.
public enum WorkingSet {
    /// One mapping from /proc/self/maps.
    struct Mapping {
        let start: UInt
        let end: UInt
        let permissions: String
        let isFile: Bool
    }

    static func mappings() -> [Mapping] {
        guard let text = try? FileSystem.readString("/proc/self/maps") else { return [] }
        return text.splitBytes(0x0a).compactMap { line in
            let fields = line.splitBytes(0x20).filter { !$0.isEmpty }
            guard fields.count >= 5, let (low, high) = fields[0].splitOnce("-"),
                  let start = UInt(low, radix: 16), let end = UInt(high, radix: 16) else { return nil }
            let path = fields.count >= 6 ? fields[5] : ""
            return Mapping(start: start, end: end, permissions: String(fields[1]), isFile: path.hasPrefix("/"))
        }
    }

    /// Unmaps the resident pages of file-backed, executable, non-writable
    /// mappings (their contents are the file's: nothing is lost, pages fault
    /// back in on use). Never touches writable or relocated (RELRO) data.
    public static func dropCodePages() {
        for mapping in mappings() where mapping.isFile && mapping.permissions.hasPrefix("r-x") {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: mapping.start), Int(mapping.end - mapping.start), MADV_DONTNEED)
        }
    }
}
