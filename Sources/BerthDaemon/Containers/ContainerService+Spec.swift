import BerthAPI
import BerthImage
import LinuxSys

extension ContainerService {
    /// What the spec builder needs from this daemon: the volumes directory,
    /// berth-init beside berth-runtime, and the capabilities berthd holds.
    var specHost: ContainerSpecHost { ContainerSpecHost(dataRoot: dataRoot, runtimePath: runtimePath) }

    /// Config.Volumes as dockerd keeps it: the image's VOLUMEs plus the request's.
    static func declaredVolumes(_ image: [String: BerthImage.EmptyObject]?,
                                _ request: [String: BerthAPI.EmptyObject]?) -> [String: BerthAPI.EmptyObject]? {
        var volumes = request ?? [:]
        for path in (image ?? [:]).keys { volumes[path] = BerthAPI.EmptyObject() }
        return volumes.isEmpty ? request : volumes
    }
}

extension ContainerService {
    /// The directories of a container's anonymous volumes (`-v /path`, image
    /// VOLUMEs): `docker rm -v` and `--rm` delete them, as dockerd does; named
    /// volumes stay.
    func anonymousVolumeDirectories(_ config: ContainerConfigDocument, containerID: String) -> [String] {
        let declared = Array((config.volumes ?? [:]).keys)
        let planned = (try? MountPlanner.plan(config.hostConfig, declaredVolumes: declared, containerID: containerID,
                                             volumesRoot: specHost.volumesRoot)) ?? []
        return planned.filter { $0.kind == .volume && $0.volumeName == MountPlanner.anonymousName(containerID, $0.destination) }
            .map { specHost.volumesRoot + "/" + ($0.volumeName ?? "") }
    }

    /// Deletes a container's anonymous volumes (call after its mounts are gone).
    func removeAnonymousVolumes(_ config: ContainerConfigDocument, containerID: String) {
        for directory in anonymousVolumeDirectories(config, containerID: containerID) { try? FileSystem.removeTree(directory) }
    }
}
