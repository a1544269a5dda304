/// The grammar of distribution/reference, hand-written (no regex engine):
/// `[domain/]component(/component)*[:tag][@digest]`.
enum ReferenceParser {
    static func parse(_ text: String, defaultingTag: Bool) throws(ReferenceError) -> ImageReference {
        guard !text.isEmpty else { throw .invalidFormat }
        if isHexIdentifier(text) { throw .hexName }
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            let value = String(rest[rest.index(after: at)...])
            guard isDigest(value) else { throw .invalidFormat }
            digest = value
            rest = rest[..<at]
        }
        var tag: String?
        // A colon after the last slash starts the tag (a colon before it is a port).
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            let value = String(rest[rest.index(after: colon)...])
            guard isTag(value) else { throw .invalidFormat }
            tag = value
            rest = rest[..<colon]
        }
        let name = String(rest)
        guard !name.isEmpty else { throw .invalidFormat }
        var (domain, path) = splitDomain(name)
        if let domain, !isDomain(domain) { throw .invalidFormat }
        if domain == nil || domain == "index.docker.io" { domain = ImageReference.defaultDomain }
        let resolvedDomain = domain ?? ImageReference.defaultDomain
        if resolvedDomain == ImageReference.defaultDomain && !path.contains("/") { path = "library/" + path }
        // Docker names the normalised path in this message ("library/Busybox").
        if path.contains(where: { $0.isUppercase }) { throw .uppercase(path) }
        guard path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isPathComponent) else {
            throw .invalidFormat
        }
        guard (resolvedDomain + "/" + path).count <= 255 else { throw .nameTooLong }
        if tag == nil && digest == nil && defaultingTag { tag = ImageReference.defaultTag }
        return ImageReference(domain: resolvedDomain, path: path, tag: tag, digest: digest)
    }

    /// docker's splitDockerDomain: the first component is a registry when it
    /// has a dot or a colon, is "localhost", or has uppercase letters.
    static func splitDomain(_ name: String) -> (String?, String) {
        guard let slash = name.firstIndex(of: "/") else { return (nil, name) }
        let first = String(name[..<slash])
        let rest = String(name[name.index(after: slash)...])
        if first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first {
            return (first, rest)
        }
        return (nil, name)
    }

    /// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`
    static func isPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        guard let first = bytes.first, let last = bytes.last, isAlnumLower(first), isAlnumLower(last) else { return false }
        var index = 0
        while index < bytes.count {
            if isAlnumLower(bytes[index]) {
                index += 1
                continue
            }
            // A separator run: ".", "_", "__", or any number of "-".
            var end = index
            while end < bytes.count && !isAlnumLower(bytes[end]) { end += 1 }
            let separator = bytes[index..<end]
            let valid = separator.elementsEqual([0x2e]) || separator.elementsEqual([0x5f])
                || separator.elementsEqual([0x5f, 0x5f]) || separator.allSatisfy { $0 == 0x2d }
            if !valid { return false }
            index = end
        }
        return true
    }

    /// `[\w][\w.-]{0,127}`
    static func isTag(_ tag: String) -> Bool {
        let bytes = Array(tag.utf8)
        guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
        return bytes.allSatisfy { isWord($0) || $0 == 0x2e || $0 == 0x2d }
    }

    /// `algorithm:hex` with sha256 needing exactly 64 lowercase hex digits.
    static func isDigest(_ digest: String) -> Bool {
        guard let colon = digest.firstIndex(of: ":") else { return false }
        let algorithm = digest[..<colon]
        let hex = digest[digest.index(after: colon)...]
        guard !algorithm.isEmpty, hex.count >= 32,
              algorithm.utf8.allSatisfy({ isAlnumLower($0) || (0x41...0x5a).contains($0) || "+.-_".utf8.contains($0) }),
              hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return false }
        return algorithm != "sha256" || hex.count == 64
    }

    /// Host names (labels of [a-zA-Z0-9-]), IPv4 or bracketed IPv6, optional :port.
    static func isDomain(_ domain: String) -> Bool {
        var host = Substring(domain)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let inner = host[host.index(after: host.startIndex)..<close]
            guard !inner.isEmpty, inner.utf8.allSatisfy({ isHex($0) || $0 == 0x3a }) else { return false }
            host = host[host.index(after: close)...]
            if host.isEmpty { return true }
            guard host.hasPrefix(":") else { return false }
            return isPort(host.dropFirst())
        }
        if let colon = host.firstIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return false }
            host = host[..<colon]
        }
        return !host.isEmpty && host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.utf8.first, let last = label.utf8.last,
                  isAlnum(first), isAlnum(last) else { return false }
            return label.utf8.allSatisfy { isAlnum($0) || $0 == 0x2d }
        }
    }

    static func isPort(_ text: Substring) -> Bool { !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// A 64-character lowercase hex string: an image ID, never a name.
    static func isHexIdentifier(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func isAlnumLower(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x7a).contains(byte) }
    static func isAlnum(_ byte: UInt8) -> Bool { isAlnumLower(byte) || (0x41...0x5a).contains(byte) }
    static func isWord(_ byte: UInt8) -> Bool { isAlnum(byte) || byte == 0x5f }
    static func isHex(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte) }
}
