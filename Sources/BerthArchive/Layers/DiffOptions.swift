/// Knobs for LayerDiff: how an overlay upperdir becomes a layer tar.
public struct DiffOptions: Sendable, Hashable {
    /// When set, every entry's modification time (seconds since the epoch) — so the same
    /// changes give the same layer digest whenever they were made (reproducible builds).
    public var fixedModificationTime: Int64?
    /// The xattr namespace overlayfs keeps its bookkeeping in: `trusted.overlay.` normally,
    /// `user.overlay.` for mounts made with `userxattr` (rootless). Its `opaque` attribute
    /// marks opaque directories; every attribute under it (redirect, metacopy, origin…) is
    /// left out of the tar.
    public var overlayXattrPrefix: String

    /// Options with the usual defaults: real mtimes, `trusted.overlay.` bookkeeping.
    public init(fixedModificationTime: Int64? = nil, overlayXattrPrefix: String = "trusted.overlay.") {
        self.fixedModificationTime = fixedModificationTime
        self.overlayXattrPrefix = overlayXattrPrefix
    }
}
