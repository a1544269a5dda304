import LinuxSys

/// What the spec builder needs from the engine and the host besides the
/// container's own configuration: where volumes live, the init binary, and
/// which capabilities berthd can hand out.
struct ContainerSpecHost: Sendable {
    /// `<data-root>/volumes`.
    var volumesRoot: String
    /// berth-init, bind-mounted at /sbin/docker-init for `--init`.
    var initPath: String
    /// The capabilities berthd holds ("all" for --privileged).
    var capabilities: [String]

    /// The host of a daemon with `dataRoot`, whose helpers sit beside `runtimePath`.
    init(dataRoot: String, runtimePath: String, capabilities: [String] = CapabilityRules.available()) {
        volumesRoot = dataRoot + "/volumes"
        initPath = Path.join(Path.parent(of: runtimePath), "berth-init")
        self.capabilities = capabilities
    }
}
