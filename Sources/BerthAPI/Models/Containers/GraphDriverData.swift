/// Inspect's `GraphDriver`: the storage driver and where the container's
/// layers are (overlay2's LowerDir, UpperDir, WorkDir, MergedDir).
public struct GraphDriverData: Sendable, Equatable, GoStyleEncodable {
    public var Name: String
    public var Data: [String: String]?

    /// Overlay directories of a container.
    public init(name: String = "overlay2", data: [String: String]?) {
        Name = name
        Data = data
    }
}
