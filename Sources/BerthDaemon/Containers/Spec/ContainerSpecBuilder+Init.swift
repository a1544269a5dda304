import LinuxSys
import OCI

extension ContainerSpecBuilder {
    /// Where dockerd puts its init in the container.
    static let initPathInContainer = "/sbin/docker-init"

    /// `--init`: berth-init, bind-mounted read-only at /sbin/docker-init, runs as
    /// PID 1 in front of the command (`docker-init -- cmd args`), forwarding
    /// signals and reaping zombies.
    static func applyInit(initPath: String, to spec: inout Spec) throws {
        guard FileSystem.exists(initPath) else {
            throw Failure(description: "berth-init not found at \(initPath): --init needs it beside berth-runtime")
        }
        let args = spec.process?.args ?? []
        spec.process?.args = [initPathInContainer, "--"] + args
        spec.mounts = (spec.mounts ?? []) + [Mount(destination: initPathInContainer, type: "bind", source: initPath,
                                                   options: ["bind", "ro"])]
    }
}
