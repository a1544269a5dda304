import Glibc
import LinuxSys

/// Mounts a container's root filesystem: the image's layers as overlay
/// lowerdirs under a writable upper directory.
public enum OverlayMount {
    /// Mounts `layers` (top first) with `upper` and `work` on `target`. Uses the
    /// new mount API, one `lowerdir+` per layer (no length limit, Linux ≥ 6.8),
    /// and falls back to mount(2) with short `l/` links when that is missing.
    public static func mount(store: LayerStore, top: Digest, upper: String, work: String, target: String) throws(LayerStoreError) {
        let stack = try store.stack(top)
        if (try? mountWithContext(stack.map { store.diffPath($0.chainID) }, upper: upper, work: work, target: target)) != nil {
            return
        }
        let lowers = stack.map { store.root + "/l/" + $0.link }.joined(separator: ":")
        let options = "lowerdir=\(lowers),upperdir=\(upper),workdir=\(work)"
        guard options.utf8.count < 4096 else { throw .tooManyLayers(stack.count) }
        do { try LinuxSys.mount(source: "overlay", target: target, type: "overlay", flags: [], data: options) } catch {
            throw .io("mount overlay on \(target): \(error)")
        }
    }

    private static func mountWithContext(_ lowers: [String], upper: String, work: String, target: String) throws(SystemError) {
        let context = try FilesystemContext(type: "overlay")
        try context.set("source", "overlay")
        for lower in lowers { try context.set("lowerdir+", lower) }
        try context.set("upperdir", upper)
        try context.set("workdir", work)
        try context.mount(at: target)
    }

    /// Unmounts a container root (lazily if busy).
    public static func unmount(_ target: String) throws(LayerStoreError) {
        do { try LinuxSys.unmount(target) } catch {
            if error.errno == EINVAL { return }  // not mounted
            do { try LinuxSys.unmount(target, flags: .detach) } catch { throw .io("unmount \(target): \(error)") }
        }
    }
}
