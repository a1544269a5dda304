import BerthAPI
import LinuxSys

extension ContainerService {
    /// Capabilities and --security-opt, checked as dockerd's validateHostConfig does.
    static func validatePrivileges(_ host: HostConfig, available: [String] = CapabilityRules.available()) throws {
        do { _ = try CapabilityRules.normalize(host.CapAdd, available: available) } catch {
            throw APIError.badRequest("invalid CapAdd: \(error.description)")
        }
        do { _ = try CapabilityRules.normalize(host.CapDrop, available: available) } catch {
            throw APIError.badRequest("invalid CapDrop: \(error.description)")
        }
        do { _ = try SecurityOptions(host.SecurityOpt ?? []) } catch { throw APIError.badRequest(error.description) }
    }

    /// --ulimit, --sysctl, --oom-score-adj and --shm-size.
    static func validateLimits(_ host: HostConfig) throws {
        for limit in host.Ulimits ?? [] {
            if let refusal = UlimitPolicy.refusal(limit) { throw APIError.badRequest(refusal) }
        }
        for (key, value) in (host.Sysctls ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let refusal = SysctlPolicy.refusal(key: key, value: value, networkMode: host.NetworkMode) {
                throw APIError.badRequest(refusal)
            }
        }
        if let score = host.OomScoreAdj, score < -1000 || score > 1000 {
            throw APIError.badRequest("Invalid value \(score), range for oom score adj is [-1000, 1000]")
        }
        if let size = host.ShmSize, size < 0 { throw APIError.badRequest("SHM size can not be less than 0") }
    }

    /// -v, --mount and --tmpfs: syntax, absolute paths, duplicates, volume names;
    /// a `--mount type=bind` source must exist (a `-v` one is created at start).
    static func validateMounts(_ host: HostConfig, declaredVolumes: [String]) throws {
        let planned: [PlannedMount]
        do {
            planned = try MountPlanner.plan(host, declaredVolumes: declaredVolumes, containerID: "", volumesRoot: "/nonexistent")
        } catch { throw APIError.badRequest(error.description) }
        for mount in planned {
            if mount.kind == .tmpfs {
                do { _ = try TmpfsOptions.merge(mount.tmpfsOptions) } catch { throw APIError.badRequest(error.description) }
            }
            if mount.kind == .bind && !mount.createsSource && !FileSystem.exists(mount.source) {
                throw APIError.badRequest("invalid mount config for type \"bind\": bind source path does not exist: \(mount.source)")
            }
        }
    }
}
