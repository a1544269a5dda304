import BerthAPI
import BerthImage

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
