/// Splitting text on ASCII bytes through the UTF-8 view. The runtime parses
/// /proc and cgroup files on every command; Character-based splitting drags in
/// Unicode grapheme tables and string-processing code that costs resident memory.
extension StringProtocol {
    /// The pieces between occurrences of `separator` (an ASCII byte), like
    /// `split(separator:)`, without Unicode segmentation.
    public func splitBytes(_ separator: UInt8, omittingEmpty: Bool = true, maxSplits: Int = Int.max) -> [Substring] {
        let text = Substring(self)
        var result: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        var splits = 0
        while index < text.utf8.endIndex {
            if text.utf8[index] == separator && splits < maxSplits {
                if !(omittingEmpty && start == index) { result.append(text[start..<index]) }
                splits += 1
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        if !(omittingEmpty && start == text.utf8.endIndex) { result.append(text[start..<text.utf8.endIndex]) }
        return result
    }

    /// Splits once at the first occurrence of an ASCII `separator` string.
    public func splitOnce(_ separator: String) -> (Substring, Substring)? {
        let text = Substring(self)
        let needle = Array(separator.utf8)
        guard !needle.isEmpty else { return nil }
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            var probe = index
            var matched = 0
            while matched < needle.count, probe < text.utf8.endIndex, text.utf8[probe] == needle[matched] {
                matched += 1
                probe = text.utf8.index(after: probe)
            }
            if matched == needle.count { return (text[text.utf8.startIndex..<index], text[probe..<text.utf8.endIndex]) }
            index = text.utf8.index(after: index)
        }
        return nil
    }

    /// ASCII-only uppercasing (no Unicode case tables): for names like
    /// "cap_sys_admin" and "sigterm".
    public func asciiUppercased() -> String {
        String(decoding: utf8.map { (0x61...0x7a).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether the ASCII byte occurs.
    public func containsByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }
}
