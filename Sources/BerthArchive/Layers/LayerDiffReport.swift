/// What LayerDiff wrote: entry counts and the files it had to leave out.
public struct LayerDiffReport: Sendable, Hashable {
    /// Tar entries written, whiteout and opaque markers included.
    public internal(set) var entries = 0
    /// `.wh.NAME` entries written (deleted files and directories).
    public internal(set) var whiteouts = 0
    /// `.wh..wh..opq` entries written (directories replaced wholesale).
    public internal(set) var opaqueDirectories = 0
    /// Upper-relative paths not in the tar, each with why (sockets, other file systems).
    public internal(set) var skipped: [String] = []
}
