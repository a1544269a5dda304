/// Failures of the layer store, each naming the layer or path involved.
public enum LayerStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(Digest)
    case parentMissing(layer: Digest, parent: Digest)
    case inUse(Digest, by: [Digest])
    case tooManyLayers(Int)
    case io(String)

    public var description: String {
        switch self {
        case .notFound(let chain): return "layer \(chain) does not exist"
        case .parentMissing(let layer, let parent): return "layer \(layer) needs parent \(parent), which does not exist"
        case .inUse(let chain, let users): return "layer \(chain) is used by \(users.count) other layer(s)"
        case .tooManyLayers(let count): return "cannot mount \(count) layers: overlay mount options exceed a page on this kernel (Linux 6.8 lifts the limit)"
        case .io(let message): return message
        }
    }
}
