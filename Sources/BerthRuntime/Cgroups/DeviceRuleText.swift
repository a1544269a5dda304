import OCI

/// Renders a device-cgroup rule the way devices.allow/deny want it: "c 1:3 rwm".
enum DeviceRuleText {
    static func render(_ rule: DeviceCgroupRule) -> String {
        let type = rule.type ?? "a"
        let major = rule.major.map { $0 < 0 ? "*" : String($0) } ?? "*"
        let minor = rule.minor.map { $0 < 0 ? "*" : String($0) } ?? "*"
        let access = rule.access ?? "rwm"
        if type == "a" { return "a" }
        return "\(type) \(major):\(minor) \(access)"
    }
}
