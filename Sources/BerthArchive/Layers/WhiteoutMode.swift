/// How SafeExtractor treats Docker/OCI whiteout entries (`dir/.wh.NAME`, `dir/.wh..wh..opq`)
/// in a layer tar. Layer tars mark deletions with these names; what they should become
/// depends on whether the layer gets its own directory or is applied onto a merged tree.
public enum WhiteoutMode: Sendable, Hashable {
    /// Write `.wh.` entries as the plain files they are (ordinary tar semantics; the default
    /// for `ExtractionOptions()`, so non-layer archives are extracted unchanged).
    case preserve
    /// Translate to overlayfs's on-disk form, for a layer unpacked into its own lowerdir:
    /// `.wh.NAME` becomes a 0/0 character device NAME (mknodat; needs CAP_MKNOD) and
    /// `.wh..wh..opq` sets `trusted.overlay.opaque=y` on its directory (needs CAP_SYS_ADMIN).
    case overlay
    /// Apply onto a tree that already holds the layers below (flattening, `docker export`):
    /// `.wh.NAME` deletes NAME recursively and `.wh..wh..opq` removes everything in its
    /// directory that this layer did not create. Nothing outside the root is touched.
    case apply
}
