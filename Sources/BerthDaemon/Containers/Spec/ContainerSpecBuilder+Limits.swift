import BerthAPI
import LinuxSys
import OCI

extension ContainerSpecBuilder {
    /// --ulimit (replacing the default of the same resource), --sysctl (after
    /// dockerd's default network sysctls) and --oom-score-adj.
    static func applyLimits(_ host: HostConfig, to spec: inout Spec) {
        var rlimits = spec.process?.rlimits ?? []
        for limit in host.Ulimits ?? [] {
            let type = UlimitPolicy.rlimitType(limit.Name)
            rlimits.removeAll { $0.type == type }
            rlimits.append(Rlimit(type: type, hard: UlimitPolicy.value(limit.Hard), soft: UlimitPolicy.value(limit.Soft)))
        }
        spec.process?.rlimits = rlimits
        var sysctls = spec.linux?.sysctl ?? [:]
        if host.NetworkMode != "host" && !(host.NetworkMode ?? "").hasPrefix("container:") {
            // As dockerd: unprivileged ping and low ports inside the container's own network namespace.
            if FileSystem.exists("/proc/sys/net/ipv4/ping_group_range") { sysctls["net.ipv4.ping_group_range"] = "0 2147483647" }
            if FileSystem.exists("/proc/sys/net/ipv4/ip_unprivileged_port_start") {
                sysctls["net.ipv4.ip_unprivileged_port_start"] = "0"
            }
        }
        for (key, value) in host.Sysctls ?? [:] { sysctls[key] = value }
        spec.linux?.sysctl = sysctls.isEmpty ? nil : sysctls
        if let score = host.OomScoreAdj { spec.process?.oomScoreAdj = score }
    }
}
