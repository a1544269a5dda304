import Foundation
import LinuxSys

/// Facts about the host for `/version` and `/info`, read from /proc, /etc and /sys.
public enum HostFacts {
    /// The kernel release (`uname -r`).
    public static func kernelVersion() -> String { firstLine("/proc/sys/kernel/osrelease") }

    /// The host name.
    public static func hostname() -> String { firstLine("/proc/sys/kernel/hostname") }

    /// `PRETTY_NAME` and `VERSION_ID` from /etc/os-release.
    public static func operatingSystem() -> (prettyName: String, versionID: String) {
        let fields = osRelease((try? FileSystem.readString("/etc/os-release")) ?? "")
        return (fields["PRETTY_NAME"] ?? "Linux", fields["VERSION_ID"] ?? "")
    }

    /// Parses os-release `KEY="value"` lines.
    public static func osRelease(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = String(line[line.startIndex..<equals])
            var value = String(line[line.index(after: equals)...])
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            fields[key] = value
        }
        return fields
    }

    /// CPUs this process may use.
    public static func cpuCount() -> Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Physical memory in bytes.
    public static func memoryBytes() -> Int64 { Int64(clamping: ProcessInfo.processInfo.physicalMemory) }

    /// `2` on the unified hierarchy, `1` on v1 or hybrid hosts.
    public static func cgroupVersion() -> String {
        FileSystem.exists("/sys/fs/cgroup/cgroup.controllers") ? "2" : "1"
    }

    /// Open file descriptors of this process.
    public static func openFileDescriptors() -> Int { (try? FileSystem.listDirectory("/proc/self/fd").count) ?? 0 }

    /// The machine name as uname reports it (`x86_64`), for `/info`'s Architecture.
    public static var machine: String {
        #if arch(x86_64)
            "x86_64"
        #elseif arch(arm64)
            "aarch64"
        #else
            "unknown"
        #endif
    }

    /// The Go-style name (`amd64`), for `/version`'s Arch.
    public static var goArchitecture: String {
        #if arch(x86_64)
            "amd64"
        #elseif arch(arm64)
            "arm64"
        #else
            "unknown"
        #endif
    }

    private static func firstLine(_ path: String) -> String {
        ((try? FileSystem.readString(path)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
