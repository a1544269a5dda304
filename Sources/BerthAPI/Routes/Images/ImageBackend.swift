/// What the image routes need from the engine. The API layer decodes and
/// encodes; the backend (berthd's image service) does the work.
public protocol ImageBackend: Sendable {
    /// `docker images`; `reference` filters by name, `all` includes intermediates.
    func listImages(all: Bool, reference: String?) async throws -> [ImageSummary]
    /// `docker image inspect`: the inspect document as JSON bytes.
    func inspectImage(_ name: String) async throws -> [UInt8]
    /// `docker history`.
    func history(_ name: String) async throws -> [ImageHistoryItem]
    /// `docker tag`.
    func tag(_ name: String, repository: String, tag: String?) async throws
    /// `docker rmi`.
    func deleteImage(_ name: String, force: Bool) async throws -> [ImageDeleteItem]
    /// `docker import`: returns the new image ID.
    func importImage(_ tar: [UInt8], repository: String?, tag: String?, message: String?, changes: [String]) async throws -> String
    /// `docker load`: returns the names (or IDs) loaded.
    func loadImages(_ tar: [UInt8]) async throws -> [String]
    /// `docker save`: the archive bytes.
    func saveImages(_ names: [String]) async throws -> [UInt8]
}
