import BerthAPI

extension ContainerService {
    /// HostConfig's non-resource fields, checked the way dockerd checks them
    /// (its wording), before anything is stored.
    static func validate(_ host: HostConfig?) throws {
        guard let host else { return }
        if let policy = host.RestartPolicy, let name = policy.Name, !name.isEmpty {
            switch name {
            case "no", "always", "unless-stopped":
                if (policy.MaximumRetryCount ?? 0) != 0 {
                    throw APIError.badRequest("invalid restart policy: maximum retry count can only be used with 'on-failure'")
                }
            case "on-failure":
                if (policy.MaximumRetryCount ?? 0) < 0 {
                    throw APIError.badRequest("invalid restart policy: maximum retry count cannot be negative")
                }
            default:
                throw APIError.badRequest("invalid restart policy: unknown policy '\(name)'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'")
            }
            if host.AutoRemove == true && name != "no" {
                throw APIError.badRequest("conflicting options: cannot use auto-remove and restart policy together")
            }
        }
        if let driver = host.LogConfig?.Type, !driver.isEmpty, driver != "json-file", driver != "none" {
            throw APIError.badRequest("logger: no log driver named '\(driver)' is registered")
        }
    }
}
