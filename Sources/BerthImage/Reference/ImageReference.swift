/// An image reference as Docker understands it — `busybox`, `localhost:5000/a/b:v1`,
/// `name@sha256:…` — normalised the way the docker CLI and dockerd normalise it,
/// so a name typed by a user and one sent by the CLI compare equal.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host, with port if any ("docker.io", "localhost:5000").
    public let domain: String
    /// The repository path inside the registry ("library/busybox").
    public let path: String
    /// The tag, if one was given or implied.
    public let tag: String?
    /// The digest ("sha256:…"), if one was given.
    public let digest: String?

    /// Docker Hub's canonical domain.
    public static let defaultDomain = "docker.io"
    /// The tag a reference without tag or digest means.
    public static let defaultTag = "latest"

    public init(domain: String, path: String, tag: String?, digest: String?) {
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest
    }

    /// "docker.io/library/busybox": the fully qualified repository name.
    public var repository: String { domain + "/" + path }

    /// "busybox", "user/app", "localhost:5000/app": the repository as users write it.
    public var familiarRepository: String {
        guard domain == Self.defaultDomain else { return repository }
        if path.hasPrefix("library/") && path.dropFirst(8).contains("/") == false { return String(path.dropFirst(8)) }
        return path
    }

    /// "busybox:latest", or "busybox@sha256:…": how `docker images` shows it.
    public var familiarString: String {
        var text = familiarRepository
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }

    /// The full canonical form ("docker.io/library/busybox:latest").
    public var description: String {
        var text = repository
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }

    /// The same repository with `tag` (and no digest).
    public func withTag(_ tag: String) -> ImageReference {
        ImageReference(domain: domain, path: path, tag: tag, digest: nil)
    }

    /// Parses and normalises a reference; a bare name gets the `latest` tag
    /// unless it carries a digest (docker's `ParseNormalizedNamed` + `TagNameOnly`).
    public static func parse(_ text: String, defaultingTag: Bool = true) throws(ReferenceError) -> ImageReference {
        try ReferenceParser.parse(text, defaultingTag: defaultingTag)
    }
}

/// Why a reference was refused, worded as Docker words it.
public struct ReferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static let invalidFormat = ReferenceError("invalid reference format")
    static func uppercase(_ name: String) -> ReferenceError {
        ReferenceError("invalid reference format: repository name (\(name)) must be lowercase")
    }
    static let nameTooLong = ReferenceError("repository name must not be more than 255 characters")
    static let hexName = ReferenceError("invalid repository name, cannot specify 64-byte hexadecimal strings")
}
