import Crypto
import Foundation
import Glibc
import LinuxSys

/// Unpacked image layers, one directory per chain ID, shared by every image
/// whose layer stack starts the same way (so a base layer is on disk once).
///
/// Layout, like Docker's overlay2: `layers/<chain>/diff` holds the files,
/// `layers/<chain>/meta.json` the record, and `l/<short>` links to the diff so
/// overlay mount options stay short. A layer appears only complete: it is
/// unpacked under a temporary name and renamed into place.
public struct LayerStore: Sendable {
    public let root: String

    public init(root: String) throws(LayerStoreError) {
        self.root = root
        for directory in ["layers", "l", "tmp"] {
            do { try FileSystem.makeDirectories(root + "/" + directory, mode: 0o700) } catch {
                throw .io("create layer store at \(root): \(error)")
            }
        }
    }

    func directory(_ chain: Digest) -> String { root + "/layers/" + chain.hex }

    /// The directory holding a layer's files (an overlay lowerdir).
    public func diffPath(_ chain: Digest) -> String { directory(chain) + "/diff" }

    /// Whether the layer is present.
    public func contains(_ chain: Digest) -> Bool { FileSystem.exists(directory(chain) + "/meta.json") }

    /// The layer's record.
    public func record(_ chain: Digest) throws(LayerStoreError) -> LayerRecord {
        guard let data = FileManager.default.contents(atPath: directory(chain) + "/meta.json") else { throw .notFound(chain) }
        do { return try JSONDecoder().decode(LayerRecord.self, from: data) } catch {
            throw .io("layer \(chain) metadata is unreadable: \(error)")
        }
    }

    /// The chain from the top layer down to the base, as records.
    public func stack(_ top: Digest) throws(LayerStoreError) -> [LayerRecord] {
        var result: [LayerRecord] = []
        var next: Digest? = top
        while let chain = next {
            let record = try record(chain)
            result.append(record)
            next = record.parent
        }
        return result
    }

    /// Adds the layer `diffID` on top of `parent`, filling its directory with
    /// `unpack` (which returns the uncompressed size), unless the same chain is
    /// already stored — then nothing is unpacked and the existing one is shared.
    @discardableResult
    public func register(
        diffID: Digest, parent: Digest?, staged: String? = nil, unpack: (String) throws -> Int64
    ) throws -> LayerRecord {
        let chain = parent.map { Self.chainID(parent: $0, diffID: diffID) } ?? diffID
        if contains(chain) {
            if let staged { discardStaged(staged) }
            return try record(chain)
        }
        if let parent, !contains(parent) {
            if let staged { discardStaged(staged) }
            throw LayerStoreError.parentMissing(layer: chain, parent: parent)
        }
        let staging = try staged ?? stage()
        do {
            let size = try unpack(staging + "/diff")
            let link = Self.newLinkName()
            let record = LayerRecord(chainID: chain, diffID: diffID, parent: parent, link: link, size: size)
            try JSONEncoder().encode(record).write(to: URL(fileURLWithPath: staging + "/meta.json"))
            try FileSystem.symlink(target: "../layers/\(chain.hex)/diff", at: root + "/l/" + link)
            if rename(staging, directory(chain)) != 0 {
                // Someone registered the same chain meanwhile: use theirs.
                unlink(root + "/l/" + link)
                try? FileSystem.removeTree(staging)
                return try self.record(chain)
            }
            return record
        } catch {
            try? FileSystem.removeTree(staging)
            throw error
        }
    }

    /// A fresh staging directory (with an empty `diff/`) for unpacking a layer
    /// whose diff ID is known only once its tar has been read.
    public func stage() throws(LayerStoreError) -> String {
        let staging = root + "/tmp/" + UUID().uuidString
        do { try FileSystem.makeDirectories(staging + "/diff", mode: 0o755) } catch { throw .io("create staging directory: \(error)") }
        return staging
    }

    /// Publishes a staged layer under its chain ID; if that chain is already
    /// stored, the staged copy is discarded and the stored one shared.
    public func commitStaged(_ staging: String, diffID: Digest, parent: Digest?, size: Int64) throws -> LayerRecord {
        try register(diffID: diffID, parent: parent, staged: staging) { _ in size }
    }

    /// Removes a staging directory that will not be published.
    public func discardStaged(_ staging: String) {
        try? FileSystem.removeTree(staging)
    }

    /// Removes a layer that no other layer builds on.
    public func remove(_ chain: Digest) throws(LayerStoreError) {
        let record = try record(chain)
        let children = allRecords().filter { $0.parent == chain }.map(\.chainID)
        if !children.isEmpty { throw .inUse(chain, by: children) }
        // Rename first so a half-removed layer is never seen as present.
        let doomed = root + "/tmp/removing-" + chain.hex + "-" + UUID().uuidString.prefix(8)
        guard rename(directory(chain), doomed) == 0 else { throw .io("remove layer \(chain): \(SystemError("rename", directory(chain)))") }
        unlink(root + "/l/" + record.link)
        do { try FileSystem.removeTree(doomed) } catch { throw .io("remove layer \(chain): \(error)") }
    }

    /// Every stored layer.
    public func allRecords() -> [LayerRecord] {
        ((try? FileSystem.listDirectory(root + "/layers")) ?? []).compactMap { name in
            Digest("sha256:" + name).flatMap { try? record($0) }
        }
    }

    /// How many stacks in `inUse` (image or container tops) include each layer.
    public func referenceCounts(inUse tops: [Digest]) -> [Digest: Int] {
        var counts: [Digest: Int] = [:]
        for top in tops {
            for record in (try? stack(top)) ?? [] { counts[record.chainID, default: 0] += 1 }
        }
        return counts
    }

    /// Deletes every layer no stack in `inUse` needs, children first; returns
    /// what was removed.
    @discardableResult
    public func garbageCollect(inUse tops: [Digest]) -> [Digest] {
        let needed = referenceCounts(inUse: tops)
        var removed: [Digest] = []
        var progress = true
        while progress {
            progress = false
            for record in allRecords() where needed[record.chainID] == nil {
                if (try? remove(record.chainID)) != nil {
                    removed.append(record.chainID)
                    progress = true
                }
            }
        }
        // Leftovers of interrupted work.
        for name in (try? FileSystem.listDirectory(root + "/tmp")) ?? [] { try? FileSystem.removeTree(root + "/tmp/" + name) }
        return removed
    }

    /// chain = sha256(parent + " " + diffID).
    public static func chainID(parent: Digest, diffID: Digest) -> Digest {
        Digest(sha256: SHA256.hash(data: Array("\(parent) \(diffID)".utf8)))
    }

    /// 26 random characters from A–Z and 0–9, as Docker's overlay2 names links.
    static func newLinkName() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<26).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }
}
