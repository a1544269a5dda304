/// Ready-made extraction options for image layers.
extension ExtractionOptions {
    /// Options for unpacking an image layer: whiteouts become overlayfs whiteouts by
    /// default (the layer gets its own lowerdir); pass `.apply` to flatten onto one tree.
    public static func layer(whiteouts: WhiteoutMode = .overlay) -> ExtractionOptions {
        ExtractionOptions(whiteouts: whiteouts)
    }
}
