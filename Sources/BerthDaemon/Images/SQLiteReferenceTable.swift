import BerthImage
import BerthStore
import Foundation

/// berthd's image names in its metadata database (table `image_references`),
/// beside containers and execs: one transactional store for all metadata.
/// A repositories.json left by an older berthd is imported once, then renamed.
struct SQLiteReferenceTable: ReferenceTable {
    let store: MetadataStore

    init(store: MetadataStore, legacyFile: String) throws {
        self.store = store
        if FileManager.default.fileExists(atPath: legacyFile), try store.imageReferences().isEmpty {
            let legacy = JSONReferenceTable(path: legacyFile).load()
            try save(legacy)
            try FileManager.default.moveItem(atPath: legacyFile, toPath: legacyFile + ".imported")
        }
    }

    func load() -> [String: Digest] {
        var result: [String: Digest] = [:]
        for (name, image) in (try? store.imageReferences()) ?? [:] {
            if let digest = Digest(image) { result[name] = digest }
        }
        return result
    }

    func save(_ references: [String: Digest]) throws {
        try store.replaceImageReferences(references.mapValues(\.description))
    }
}
