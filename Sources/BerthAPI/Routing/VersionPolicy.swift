/// The range of API versions the server accepts, and the exact dockerd errors
/// for versions outside it.
public struct VersionPolicy: Sendable {
    /// The lowest accepted version.
    public let minimum: APIVersion
    /// The highest accepted version, also used for unversioned paths.
    public let maximum: APIVersion

    /// Berth's policy: 1.24 through 1.44.
    public static let berth = VersionPolicy(minimum: .minimum, maximum: .current)

    /// A policy for the given range.
    public init(minimum: APIVersion, maximum: APIVersion) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The version a request speaks: its prefix, or the maximum when unversioned;
    /// throws dockerd's 400 when the prefix is out of range.
    public func resolve(_ requested: String?) throws(APIError) -> APIVersion {
        guard let requested else { return maximum }
        let version = APIVersion(requested)
        if version < minimum {
            throw .badRequest(
                "client version \(requested) is too old. Minimum supported API version is \(minimum), please upgrade your client to a newer version"
            )
        }
        if version > maximum {
            throw .badRequest("client version \(requested) is too new. Maximum supported API version is \(maximum)")
        }
        return version
    }
}
