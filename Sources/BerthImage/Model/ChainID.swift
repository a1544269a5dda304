import Crypto

extension RootFS {
    /// The chain ID of each layer: a layer's identity together with every
    /// layer below it, so equal chains share one unpacked directory.
    /// chain(0) = diffID(0); chain(n) = sha256(chain(n-1) + " " + diffID(n)).
    public var chainIDs: [Digest] {
        var result: [Digest] = []
        for diffID in diffIDs {
            if let previous = result.last {
                result.append(Digest(sha256: SHA256.hash(data: Array("\(previous) \(diffID)".utf8))))
            } else {
                result.append(diffID)
            }
        }
        return result
    }
}
