import BerthAPI
import BerthRuntime
import OCI

extension ContainerSpecBuilder {
    /// Capabilities (--cap-add/--cap-drop), --privileged and --security-opt
    /// no-new-privileges / seccomp=unconfined, as dockerd maps them.
    static func applyPrivileges(_ host: HostConfig, available: [String], to spec: inout Spec) throws {
        let privileged = host.Privileged == true
        let names: [String]
        do {
            names = try CapabilityRules.resolve(basics: CapabilityName.dockerDefaults, adds: host.CapAdd, drops: host.CapDrop,
                                                privileged: privileged, available: available)
        } catch { throw Failure(description: error.description) }
        spec.process?.capabilities = Capabilities(bounding: names, effective: names, inheritable: nil, permitted: names, ambient: nil)
        let security = try SecurityOptions(host.SecurityOpt ?? [])
        if security.noNewPrivileges { spec.process?.noNewPrivileges = true }
        if privileged || security.unconfinedSeccomp { spec.linux?.seccomp = nil }
        guard privileged else { return }
        spec.linux?.maskedPaths = nil
        spec.linux?.readonlyPaths = nil
        for index in (spec.mounts ?? []).indices where spec.mounts?[index].destination == "/sys" || spec.mounts?[index].type == "cgroup" {
            spec.mounts?[index].options?.removeAll { $0 == "ro" }
        }
        spec.linux?.resources?.devices = [DeviceCgroupRule(allow: true, access: "rwm")]
        spec.linux?.devices = HostDevices.list()
    }
}

/// `--security-opt` values, parsed with dockerd's rules and wording.
struct SecurityOptions: Equatable {
    var noNewPrivileges = false
    var unconfinedSeccomp = false

    /// Parses the options; unknown ones are refused as dockerd refuses them.
    init(_ options: [String]) throws(ContainerSpecBuilder.Failure) {
        for option in options {
            if option == "no-new-privileges" {
                noNewPrivileges = true
                continue
            }
            if option == "disable" { continue }
            let separator: Character? = option.contains("=") ? "=" : option.contains(":") ? ":" : nil
            guard let separator, let cut = option.firstIndex(of: separator) else {
                throw ContainerSpecBuilder.Failure(description: "invalid --security-opt 1: \"\(option)\"")
            }
            let key = String(option[..<cut])
            let value = String(option[option.index(after: cut)...])
            switch key {
            case "label", "apparmor": continue
            case "seccomp": unconfinedSeccomp = value == "unconfined"
            case "no-new-privileges":
                guard let flag = Self.parseBool(value) else {
                    throw ContainerSpecBuilder.Failure(description: "invalid --security-opt 2: \"\(option)\"")
                }
                noNewPrivileges = flag
            default:
                throw ContainerSpecBuilder.Failure(description: "invalid --security-opt 2: \"\(option)\"")
            }
        }
    }

    /// Go's strconv.ParseBool.
    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }
}
