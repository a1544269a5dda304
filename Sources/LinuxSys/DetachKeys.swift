/// docker's detach-key notation (`ctrl-p,ctrl-q`, `ctrl-x,y`): the byte
/// sequence that, typed into an attached terminal, leaves the container
/// running and ends the session. Shared by the CLI and the daemon.
public enum DetachKeys {
    /// ctrl-p ctrl-q.
    public static let standard: [UInt8] = [0x10, 0x11]

    /// Parses comma-separated `ctrl-<key>` or single characters; nil or empty
    /// text gives the default; nil result for notation docker refuses.
    public static func parse(_ text: String?) -> [UInt8]? {
        guard let text, !text.isEmpty else { return standard }
        var keys: [UInt8] = []
        for part in text.split(separator: ",") {
            let lower = part.lowercased()
            if lower.hasPrefix("ctrl-"), lower.utf8.count == 6, let key = lower.utf8.last {
                switch key {
                case 0x61...0x7a: keys.append(key - 0x60)
                case 0x40: keys.append(0)
                case 0x5b: keys.append(27)
                case 0x5c: keys.append(28)
                case 0x5d: keys.append(29)
                case 0x5e: keys.append(30)
                case 0x5f: keys.append(31)
                default: return nil
                }
            } else if part.utf8.count == 1, let key = part.utf8.first {
                keys.append(key)
            } else {
                return nil
            }
        }
        return keys
    }

    /// Watches input for a detach sequence across reads: bytes that may begin
    /// the sequence are held back, and sent on if the next byte breaks it.
    public struct Matcher: Sendable {
        let sequence: [UInt8]
        var matched = 0

        /// A matcher for `sequence` (non-empty).
        public init(_ sequence: [UInt8]) { self.sequence = sequence }

        /// The bytes to pass on, and whether the sequence has now been typed
        /// (what came before it is still in `pass`).
        public mutating func feed(_ bytes: some Sequence<UInt8>) -> (pass: [UInt8], detached: Bool) {
            var pass: [UInt8] = []
            for byte in bytes {
                if byte == sequence[matched] {
                    matched += 1
                    if matched == sequence.count { return (pass, true) }
                } else {
                    pass += sequence[0..<matched]
                    matched = 0
                    if byte == sequence[0] { matched = 1 } else { pass.append(byte) }
                }
            }
            return (pass, false)
        }
    }
}
