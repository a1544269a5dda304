/// What `GET /containers/json` asks for: `all`, `limit` (`-n`/`-l`), `size`
/// and `filters` (name → values, see FilterParameters).
public struct ContainerListOptions: Sendable, Equatable {
    public var all: Bool
    public var limit: Int?
    public var size: Bool
    public var filters: [String: [String]]

    /// Options as a query gives them.
    public init(all: Bool = false, limit: Int? = nil, size: Bool = false, filters: [String: [String]] = [:]) {
        self.all = all
        self.limit = limit
        self.size = size
        self.filters = filters
    }
}
