import BerthRuntime
import LinuxSys

/// `--cap-add`/`--cap-drop`/`--privileged` → a container's capability list,
/// computed as moby's caps.TweakCapabilities does: names with or without
/// "CAP_", any case, "ALL"; a capability berthd itself lacks cannot be granted.
enum CapabilityRules {
    /// Why a name was refused; the text is dockerd's.
    struct Failure: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// Canonical names ("CAP_NET_RAW", or "ALL"); unknown names and names the
    /// host cannot grant (not in `available`) are refused.
    static func normalize(_ names: [String]?, available: [String]) throws(Failure) -> [String] {
        var normalized: [String] = []
        for name in names ?? [] {
            var upper = name.uppercased()
            if upper == "ALL" {
                normalized.append(upper)
                continue
            }
            if !upper.hasPrefix("CAP_") { upper = "CAP_" + upper }
            guard CapabilityName.all.contains(upper) else { throw Failure(description: "unknown capability: \"\(upper)\"") }
            guard available.contains(upper) else {
                throw Failure(description: "capability not supported by your kernel or not available in the current environment: \"\(upper)\"")
            }
            normalized.append(upper)
        }
        return normalized
    }

    /// The final list: every available capability when privileged; `basics`
    /// minus drops plus adds otherwise ("ALL" in adds or drops as in dockerd).
    static func resolve(basics: [String], adds: [String]?, drops: [String]?, privileged: Bool,
                        available: [String]) throws(Failure) -> [String] {
        if privileged { return available }
        if (adds ?? []).isEmpty && (drops ?? []).isEmpty { return basics }
        let drop = try normalize(drops, available: available)
        let add = try normalize(adds, available: available)
        var result: [String]
        if add.contains("ALL") {
            result = available.filter { !drop.contains($0) }
        } else if drop.contains("ALL") {
            result = add
        } else {
            result = basics.filter { !drop.contains($0) } + add
        }
        var unique: [String] = []
        for name in result where !unique.contains(name) { unique.append(name) }
        return unique
    }

    /// The capabilities berthd holds (its effective set, /proc/self/status
    /// CapEff), in number order — what "all" means on this host.
    static func available(statusText: String? = try? FileSystem.readString("/proc/self/status")) -> [String] {
        guard let line = statusText?.split(separator: "\n").first(where: { $0.hasPrefix("CapEff:") }),
              let mask = UInt64(line.dropFirst("CapEff:".count).trimmingSpaces, radix: 16) else {
            return CapabilityName.all
        }
        return CapabilityName.all.enumerated().filter { mask & (UInt64(1) << UInt64($0.offset)) != 0 }.map(\.element)
    }
}

extension Substring {
    /// Without leading and trailing blanks.
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
