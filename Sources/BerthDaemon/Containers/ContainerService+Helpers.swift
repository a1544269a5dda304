import BerthAPI
import Foundation
import LinuxSys

extension ContainerService {

    /// HostConfig's limits, checked the way dockerd checks them.
    static func resources(_ host: HostConfig?) throws -> ContainerResources? {
        guard let host else { return nil }
        if let memory = host.Memory, memory != 0, memory < 6 * 1024 * 1024 {
            throw APIError.badRequest("Minimum memory limit allowed is 6MB")
        }
        if let memory = host.Memory, memory > 0, let swap = host.MemorySwap, swap > 0, swap < memory {
            throw APIError.badRequest("Minimum memoryswap limit should be larger than memory limit, see usage")
        }
        if host.NanoCpus != nil && host.NanoCpus != 0 && ((host.CpuQuota ?? 0) != 0 || (host.CpuPeriod ?? 0) != 0) {
            throw APIError.badRequest("Conflicting options: Nano CPUs and CPU Period cannot both be set")
        }
        let memory = host.Memory.flatMap { $0 > 0 ? $0 : nil }
        return ContainerResources(
            memory: memory, memorySwap: host.MemorySwap.flatMap { $0 != 0 ? $0 : nil },
            memoryReservation: host.MemoryReservation.flatMap { $0 > 0 ? $0 : nil },
            nanoCPUs: host.NanoCpus.flatMap { $0 > 0 ? $0 : nil }, cpuShares: host.CpuShares.flatMap { $0 > 0 ? $0 : nil },
            cpuQuota: host.CpuQuota.flatMap { $0 != 0 ? $0 : nil }, cpuPeriod: host.CpuPeriod.flatMap { $0 > 0 ? $0 : nil },
            cpusetCpus: host.CpusetCpus.flatMap { $0.isEmpty ? nil : $0 }, pidsLimit: host.PidsLimit.flatMap { $0 > 0 ? $0 : nil })
    }

    static func newID() -> String {
        (0..<4).map { _ in String(format: "%016llx", UInt64.random(in: 0...UInt64.max)) }.joined()
    }

    static func generatedName(_ id: String) -> String { "berth_" + id.prefix(10) }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count >= 2 || name.utf8.count == 1 else { return false }
        func alnum(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte) }
        return alnum(first) && name.utf8.allSatisfy { alnum($0) || $0 == 0x5f || $0 == 0x2e || $0 == 0x2d }
    }

    /// The image's environment with the request's variables replacing same-named ones.
    static func mergeEnvironment(_ base: [String], _ overrides: [String]) -> [String] {
        var result = base
        for entry in overrides {
            let key = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
            result.removeAll { $0 == key || $0.hasPrefix(key + "=") }
            result.append(entry)
        }
        return result
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func now() -> String { RFC3339.now() }

    static func unixTime(_ text: String) -> Int64 { RFC3339.parse(text)?.seconds ?? 0 }
}
