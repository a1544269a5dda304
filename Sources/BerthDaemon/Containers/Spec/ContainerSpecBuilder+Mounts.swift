import BerthAPI
import LinuxSys
import OCI

extension ContainerSpecBuilder {
    /// /dev/shm's size (--shm-size), then the user's mounts — binds, volumes,
    /// tmpfs — parents before children; a user mount replaces a default mount
    /// at the same place. Missing bind sources (for -v) and volume
    /// directories are created.
    static func applyMounts(_ host: HostConfig, declaredVolumes: [String], id: String, volumesRoot: String,
                            to spec: inout Spec) throws {
        let planned: [PlannedMount]
        do {
            planned = try MountPlanner.plan(host, declaredVolumes: declaredVolumes, containerID: id, volumesRoot: volumesRoot)
        } catch { throw Failure(description: error.description) }
        let destinations = Set(planned.map(\.destination))
        let userDev = destinations.contains("/dev")
        var mounts = (spec.mounts ?? []).filter { mount in
            !destinations.contains(mount.destination) && !(userDev && mount.destination.hasPrefix("/dev/"))
        }
        if let index = mounts.firstIndex(where: { $0.destination == "/dev/shm" }) {
            let size = host.ShmSize.flatMap { $0 > 0 ? $0 : nil } ?? 64 * 1024 * 1024
            mounts[index].options = (mounts[index].options ?? []).filter { !$0.hasPrefix("size=") } + ["size=\(size)"]
        }
        let ordered = planned.sorted { depth($0.destination) < depth($1.destination) }
        for mount in ordered { mounts.append(try specMount(mount)) }
        spec.mounts = mounts
    }

    /// The OCI mount for one planned mount, creating its host side if needed.
    static func specMount(_ mount: PlannedMount) throws -> Mount {
        switch mount.kind {
        case .tmpfs:
            let options: [String]
            do { options = try TmpfsOptions.merge(mount.tmpfsOptions) } catch { throw Failure(description: error.description) }
            return Mount(destination: mount.destination, type: "tmpfs", source: "tmpfs", options: options)
        case .volume:
            do { try FileSystem.makeDirectories(mount.source, mode: 0o755) } catch {
                throw Failure(description: "create volume \(mount.volumeName ?? ""): \(error)")
            }
        case .bind:
            if !FileSystem.exists(mount.source) {
                guard mount.createsSource else {
                    throw Failure(description: "invalid mount config for type \"bind\": bind source path does not exist: \(mount.source)")
                }
                do { try FileSystem.makeDirectories(mount.source, mode: 0o755) } catch {
                    throw Failure(description: "error while creating mount source path '\(mount.source)': \(error)")
                }
            }
        }
        var options = ["rbind", mount.readWrite ? "rw" : "ro"]
        if !mount.propagation.isEmpty { options.append(mount.propagation) } else { options.append("rprivate") }
        return Mount(destination: mount.destination, type: "bind", source: mount.source, options: options)
    }

    /// Path depth, so /a is mounted before /a/b (moby's sortMounts).
    static func depth(_ path: String) -> Int { Path.clean(path).split(separator: "/").count }
}
