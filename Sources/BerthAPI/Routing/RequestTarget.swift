/// A request URI split into its percent-decoded path and query parameters.
/// The path is decoded before matching, as Go's `r.URL.Path` is.
public struct RequestTarget: Sendable, Equatable {
    /// The decoded path, e.g. `/v1.44/containers/my name/json`.
    public let path: String
    /// The decoded query parameters.
    public let query: QueryParameters

    /// Parses `/path?a=1&b=x%20y`; a fragment, if any, is dropped.
    public init(_ uri: String) {
        let withoutFragment = uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let pieces = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = pieces.first.map(String.init) ?? "/"
        self.path = PercentDecoding.decode(rawPath, plusIsSpace: false)
        self.query = QueryParameters(rawQuery: pieces.count > 1 ? String(pieces[1]) : "")
    }
}
