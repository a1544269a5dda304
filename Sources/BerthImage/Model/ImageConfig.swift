/// An image's configuration blob (Docker's image JSON / OCI image config). The
/// image ID is the digest of the exact bytes this was read from, so Berth keeps
/// those bytes and uses this type only to read and to build new configs.
public struct ImageConfig: Codable, Sendable, Equatable {
    public var architecture: String
    public var os: String
    public var variant: String?
    public var created: String?
    public var author: String?
    public var config: ContainerConfig?
    public var rootfs: RootFS
    public var history: [HistoryEntry]?
    /// Docker-only fields kept so configs written by Berth look like dockerd's.
    public var container: String?
    public var dockerVersion: String?
    public var comment: String?

    enum CodingKeys: String, CodingKey {
        case architecture, os, variant, created, author, config, rootfs, history, container, comment
        case dockerVersion = "docker_version"
    }

    public init(
        architecture: String = "amd64", os: String = "linux", created: String? = nil, author: String? = nil,
        config: ContainerConfig? = nil, rootfs: RootFS = RootFS(diffIDs: []), history: [HistoryEntry]? = nil
    ) {
        self.architecture = architecture
        self.os = os
        self.created = created
        self.author = author
        self.config = config
        self.rootfs = rootfs
        self.history = history
    }
}

/// The run-time defaults an image carries (Docker's `Config` object).
public struct ContainerConfig: Codable, Sendable, Equatable {
    public var user: String?
    public var exposedPorts: [String: EmptyObject]?
    public var env: [String]?
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var volumes: [String: EmptyObject]?
    public var workingDir: String?
    public var labels: [String: String]?
    public var stopSignal: String?
    public var shell: [String]?
    public var onBuild: [String]?
    public var argsEscaped: Bool?

    enum CodingKeys: String, CodingKey {
        case user = "User", exposedPorts = "ExposedPorts", env = "Env", entrypoint = "Entrypoint", cmd = "Cmd"
        case volumes = "Volumes", workingDir = "WorkingDir", labels = "Labels", stopSignal = "StopSignal"
        case shell = "Shell", onBuild = "OnBuild", argsEscaped = "ArgsEscaped"
    }

    public init(
        user: String? = nil, exposedPorts: [String: EmptyObject]? = nil, env: [String]? = nil,
        entrypoint: [String]? = nil, cmd: [String]? = nil, volumes: [String: EmptyObject]? = nil,
        workingDir: String? = nil, labels: [String: String]? = nil, stopSignal: String? = nil
    ) {
        self.user = user
        self.exposedPorts = exposedPorts
        self.env = env
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.volumes = volumes
        self.workingDir = workingDir
        self.labels = labels
        self.stopSignal = stopSignal
    }
}

/// `{}` — the value type of ExposedPorts and Volumes maps.
public struct EmptyObject: Codable, Sendable, Equatable {
    public init() {}
}

/// The layers of an image, bottom first, by the digest of their uncompressed tar.
public struct RootFS: Codable, Sendable, Equatable {
    public var type: String
    public var diffIDs: [Digest]

    enum CodingKeys: String, CodingKey {
        case type
        case diffIDs = "diff_ids"
    }

    public init(type: String = "layers", diffIDs: [Digest]) {
        self.type = type
        self.diffIDs = diffIDs
    }
}

/// One step of how the image was made (`docker history`).
public struct HistoryEntry: Codable, Sendable, Equatable {
    public var created: String?
    public var createdBy: String?
    public var author: String?
    public var comment: String?
    public var emptyLayer: Bool?

    enum CodingKeys: String, CodingKey {
        case created, author, comment
        case createdBy = "created_by"
        case emptyLayer = "empty_layer"
    }

    public init(created: String? = nil, createdBy: String? = nil, author: String? = nil, comment: String? = nil, emptyLayer: Bool? = nil) {
        self.created = created
        self.createdBy = createdBy
        self.author = author
        self.comment = comment
        self.emptyLayer = emptyLayer
    }
}
