/// The engine's own version facts, shown by `docker version` and in the `Server` header.
public enum BerthVersion {
    /// The release version.
    public static let version = "0.1.0-dev"
    /// The source revision; set at release time.
    public static let gitCommit = "unknown"
    /// The build time; set at release time.
    public static let buildTime = ""
}
