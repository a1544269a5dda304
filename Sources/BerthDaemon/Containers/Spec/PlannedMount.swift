/// One user mount of a container, resolved from `-v` (Binds), `--mount`
/// (HostConfig.Mounts), `--tmpfs` or a declared volume: what the OCI spec
/// mounts and what inspect and ps list under Mounts.
struct PlannedMount: Sendable, Equatable {
    enum Kind: String, Sendable { case bind, volume, tmpfs }

    var kind: Kind
    /// The host path (for a volume, its `_data` directory); empty for tmpfs.
    var source: String
    /// A volume's name (named or anonymous).
    var volumeName: String?
    var destination: String
    /// The mode text as the user wrote it (`ro`, `rw,z`), dockerd's `Mode`.
    var mode: String
    var readWrite: Bool
    /// `rprivate` unless given, for binds; empty for volumes and tmpfs.
    var propagation: String
    /// tmpfs options (`size=64m,mode=1777`), merged onto dockerd's defaults.
    var tmpfsOptions: String = ""
    /// `-v /host:/ctr` creates a missing host path (`--mount` does not).
    var createsSource: Bool = false
    /// Shown under inspect's Mounts (`--tmpfs` mounts are not, as in dockerd).
    var listed: Bool = true
}
