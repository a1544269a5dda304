import BerthAPI
import BerthArchive
import BerthImage
import Foundation
import LinuxSys

/// `docker diff`: the container's merged rootfs compared with its image's
/// (BerthArchive's ChangeSet, docker's rules), the image side mounted
/// read-only from its layers for the comparison.
extension ContainerService {
    public nonisolated func changes(_ idOrName: String) async throws -> [ContainerChangeItem] {
        let images = self.images
        let scratch = dataRoot + "/tmp"
        return try await withRootfs(idOrName) { found in
            guard let imageID = Digest(found.config.imageID) else {
                throw APIError.internalError("image \(found.config.imageID) of the container is gone")
            }
            let stack = try images.image(imageID).metadata.topLayer.map { try images.layers.stack($0) } ?? []
            try FileSystem.makeDirectories(scratch, mode: 0o700)
            let base = scratch + "/diff-" + UUID().uuidString.prefix(12)
            try FileSystem.makeDirectories(base, mode: 0o700)
            defer { try? FileSystem.removeTree(base) }
            let imageRoot: String
            if stack.count == 1, let only = stack.first {
                imageRoot = images.layers.diffPath(only.chainID)
            } else if stack.isEmpty {
                imageRoot = base
            } else {
                imageRoot = base
                try Self.mountReadOnly(stack.map { images.layers.diffPath($0.chainID) }, at: base)
            }
            defer { if stack.count > 1 { try? OverlayMount.unmount(base) } }
            return try ChangeSet.changes(from: imageRoot, to: self.rootfsPath(found.id)).map { change in
                let kind: Int
                switch change.kind {
                case .modified: kind = 0
                case .added: kind = 1
                case .deleted: kind = 2
                }
                return ContainerChangeItem(path: change.path, kind: kind)
            }
        }
    }

    /// A read-only overlay of `layers` (top first) on `target`: the image's own view.
    static func mountReadOnly(_ layers: [String], at target: String) throws {
        do {
            let context = try FilesystemContext(type: "overlay")
            try context.set("source", "overlay")
            for layer in layers { try context.set("lowerdir+", layer) }
            try context.mount(at: target)
        } catch {
            try LinuxSys.mount(source: "overlay", target: target, type: "overlay", flags: [.readOnly],
                               data: "lowerdir=" + layers.joined(separator: ":"))
        }
    }
}
