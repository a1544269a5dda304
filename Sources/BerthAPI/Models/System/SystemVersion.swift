/// The body of `GET /version`: the engine's version facts at top level (what the CLI reads)
/// plus the `Components` list dockerd 20.10+ sends.
public struct SystemVersion: Codable, Sendable, Equatable {
    /// `{"Name":""}` as dockerd sends for an unnamed platform.
    public var platform: PlatformName
    /// One entry per component; Berth reports only the Engine.
    public var components: [ComponentVersion]
    /// The engine version, e.g. `0.1.0`.
    public var version: String
    /// The highest API version served.
    public var apiVersion: String
    /// The lowest API version served.
    public var minAPIVersion: String
    /// The source revision the daemon was built from.
    public var gitCommit: String
    /// Empty: Berth is not written in Go.
    public var goVersion: String
    /// `linux`.
    public var os: String
    /// Go-style architecture name, e.g. `amd64`.
    public var arch: String
    /// The running kernel's release, e.g. `6.1.0-18-amd64`.
    public var kernelVersion: String
    /// When the daemon was built.
    public var buildTime: String
    /// `false`: no experimental features.
    public var experimental: Bool

    enum CodingKeys: String, CodingKey {
        case platform = "Platform", components = "Components", version = "Version", apiVersion = "ApiVersion"
        case minAPIVersion = "MinAPIVersion", gitCommit = "GitCommit", goVersion = "GoVersion", os = "Os"
        case arch = "Arch", kernelVersion = "KernelVersion", buildTime = "BuildTime", experimental = "Experimental"
    }

    /// A version report for an engine; API versions come from `VersionPolicy.berth`, and the
    /// Engine component repeats the top-level facts as dockerd does.
    public init(engineVersion: String, gitCommit: String, buildTime: String, arch: String, kernelVersion: String) {
        self.platform = PlatformName(name: "")
        self.version = engineVersion
        self.apiVersion = VersionPolicy.berth.maximum.text
        self.minAPIVersion = VersionPolicy.berth.minimum.text
        self.gitCommit = gitCommit
        self.goVersion = ""
        self.os = "linux"
        self.arch = arch
        self.kernelVersion = kernelVersion
        self.buildTime = buildTime
        self.experimental = false
        self.components = [
            ComponentVersion(
                name: "Engine", version: engineVersion,
                details: [
                    "ApiVersion": apiVersion, "MinAPIVersion": minAPIVersion, "GitCommit": gitCommit,
                    "GoVersion": "", "Os": "linux", "Arch": arch, "KernelVersion": kernelVersion,
                    "BuildTime": buildTime, "Experimental": "false",
                ]
            )
        ]
    }
}
