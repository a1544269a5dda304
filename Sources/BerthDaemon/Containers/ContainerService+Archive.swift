import BerthAPI
import BerthArchive
import Foundation
import Glibc
import LinuxSys

/// `docker cp` (HEAD/GET/PUT archive) and `docker export`: file access to a
/// container's merged rootfs, running or stopped (the overlay is mounted for
/// the operation if it was not). Every path is resolved in the container's
/// root with openat2(RESOLVE_IN_ROOT), so no symlink inside the container can
/// lead a copy to the host's files. The I/O runs off the actor.
extension ContainerService {
    public nonisolated func statPath(_ idOrName: String, path: String) async throws -> ContainerPathStat {
        try await withRootfs(idOrName) { found in
            let rootfs = self.rootfsPath(found.id)
            let resolved = try ContainerPath(path, rootfs: rootfs, container: idOrName)
            let stat = try resolved.pathStat(rootfs: rootfs, container: idOrName, original: path)
            self.events.container("archive-path", found.row)
            return stat
        }
    }

    public nonisolated func archive(_ idOrName: String, path: String) async throws -> (stat: ContainerPathStat, body: BodyProducer) {
        let found = try await acquireRootfs(idOrName)
        let rootfs = rootfsPath(found.id)
        let stat: ContainerPathStat
        do {
            stat = try await Blocking.run {
                try ContainerPath(path, rootfs: rootfs, container: idOrName).pathStat(rootfs: rootfs, container: idOrName, original: path)
            }
        } catch {
            await releaseRootfs(found.id)
            throw error
        }
        events.container("archive-path", found.row)
        let body = ChunkPipe.producer({ sink in
            let resolved = try ContainerPath(path, rootfs: rootfs, container: idOrName)
            var writer = TarWriter(sink)
            try TreeArchiver.write(name: resolved.name, in: resolved.directory.rawValue, as: resolved.baseName, to: &writer)
            try writer.finish()
            sink = writer.sink
        }, cleanup: rootfsReleaser(found.id))
        return (stat, body)
    }

    public nonisolated func extractArchive(
        _ idOrName: String, path: String, archive: [UInt8], noOverwriteDirNonDir: Bool, copyUIDGID: Bool
    ) async throws {
        try await withRootfs(idOrName) { found in
            if found.config.readonlyRootfs == true { throw APIError.badRequest("container rootfs is marked read-only") }
            let destination = try ContainerPath(path, rootfs: self.rootfsPath(found.id), container: idOrName)
            guard let info = destination.info() else { throw ContainerPath.notFound(path, idOrName) }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw APIError.badRequest("extraction point is not a directory") }
            let directory = destination.name.isEmpty
                ? try destination.directory.openAt2(".", ContainerPath.pathOnly | O_DIRECTORY, resolve: [.beneath])
                : try destination.directory.openAt2(destination.name, ContainerPath.pathOnly | O_DIRECTORY | O_NOFOLLOW, resolve: [.beneath])
            defer { directory.close() }
            if noOverwriteDirNonDir { try Self.checkOverwrites(archive, in: directory) }
            let owner = try copyUIDGID ? Self.owner(found.config.user, rootfs: self.rootfsPath(found.id)) : nil
            // The extraction root is the destination directory itself, reached through
            // the descriptor: entries and links in the archive resolve beneath it.
            let extractor = SafeExtractor(rootPath: "/proc/self/fd/\(directory.rawValue)", options: ExtractionOptions())
            do {
                _ = try extractor.extract(from: try DecompressingSource(MemoryByteSource(archive)))
            } catch let error as ExtractionError {
                throw APIError.internalError("extract to \(path) in container \(idOrName): \(error)")
            }
            if let owner { try Self.chown(archive, in: directory, to: owner) }
            self.events.container("extract-to-dir", found.row)
        }
    }

    /// dockerd's `noOverwriteDirNonDir`: a directory in the container may not be
    /// replaced by a file from the archive, nor a file by a directory.
    static func checkOverwrites(_ archive: [UInt8], in directory: FileDescriptor) throws {
        var reader = TarReader(try DecompressingSource(MemoryByteSource(archive)))
        while let entry = try reader.next() {
            let name = Path.clean("/" + entry.name)
            guard name != "/" else { continue }
            guard let parent = try? directory.openAt2(
                String(Path.parent(of: name).dropFirst()).isEmpty ? "." : String(Path.parent(of: name).dropFirst()),
                ContainerPath.pathOnly | O_DIRECTORY, resolve: [.inRoot, .noMagicLinks]) else { continue }
            defer { parent.close() }
            var info = stat()
            let base = String(name.split(separator: "/").last ?? "")
            guard fstatat(parent.rawValue, base, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let existingIsDirectory = info.st_mode & S_IFMT == S_IFDIR
            let entryIsDirectory = entry.type == .directory
            if existingIsDirectory && !entryIsDirectory {
                throw APIError.badRequest("cannot overwrite directory \"\(name)\" with non-directory \"\(entry.name)\"")
            }
            if !existingIsDirectory && entryIsDirectory {
                throw APIError.badRequest("cannot overwrite non-directory \"\(name)\" with directory \"\(entry.name)\"")
            }
        }
    }

    /// The container user's uid and gid (`docker cp -a`).
    static func owner(_ user: String?, rootfs: String) throws -> ContainerUser {
        let root = try FileDescriptor.open(rootfs, ContainerPath.pathOnly | O_DIRECTORY)
        defer { root.close() }
        return try ContainerUser(user, root: root)
    }

    /// Gives every entry of the archive, as extracted below `directory`, to `owner`
    /// (lchown: a symlink itself, never what it points at).
    static func chown(_ archive: [UInt8], in directory: FileDescriptor, to owner: ContainerUser) throws {
        var reader = TarReader(try DecompressingSource(MemoryByteSource(archive)))
        while let entry = try reader.next() {
            let name = Path.clean("/" + entry.name)
            guard name != "/" else { continue }
            let parentPath = String(Path.parent(of: name).dropFirst())
            guard let parent = try? directory.openAt2(parentPath.isEmpty ? "." : parentPath, ContainerPath.pathOnly | O_DIRECTORY,
                                                      resolve: [.inRoot, .noMagicLinks]) else { continue }
            defer { parent.close() }
            _ = fchownat(parent.rawValue, String(name.split(separator: "/").last ?? ""), owner.uid, owner.gid, AT_SYMLINK_NOFOLLOW)
        }
    }

    public nonisolated func export(_ idOrName: String) async throws -> BodyProducer {
        let found = try await acquireRootfs(idOrName)
        let rootfs = rootfsPath(found.id)
        let images = self.images
        events.container("export", found.row)
        return ChunkPipe.producer({ sink in
            sink = try images.export(rootDirectory: rootfs, to: sink)
        }, cleanup: rootfsReleaser(found.id))
    }

    /// A blocking callback (for a producer thread) that gives the rootfs lease back through the actor.
    nonisolated func rootfsReleaser(_ id: String) -> @Sendable () -> Void {
        {
            let done = DispatchSemaphore(value: 0)
            Task {
                await self.releaseRootfs(id)
                done.signal()
            }
            done.wait()
        }
    }
}
