import Glibc
import LinuxSys
import OCI

/// The capability sets a process must end up with, computed before any
/// privilege is dropped so a typo fails the container instead of half-applying.
struct CapabilityPlan {
    var bounding: UInt64
    var effective: UInt64
    var permitted: UInt64
    var inheritable: UInt64
    var ambient: UInt64
    let lastCapability: Int

    /// Builds a plan from config.json's names; nil sets mean "none".
    init(_ capabilities: Capabilities?) throws(RuntimeError) {
        let last = Int((try? FileSystem.readString("/proc/sys/kernel/cap_last_cap"))?
            .splitBytes(0x0a).first.flatMap { Int($0) } ?? 40)
        lastCapability = last
        bounding = try CapabilityName.mask(capabilities?.bounding, lastCapability: last)
        effective = try CapabilityName.mask(capabilities?.effective, lastCapability: last)
        permitted = try CapabilityName.mask(capabilities?.permitted, lastCapability: last)
        inheritable = try CapabilityName.mask(capabilities?.inheritable, lastCapability: last)
        ambient = try CapabilityName.mask(capabilities?.ambient, lastCapability: last)
    }

    /// Drops every capability outside the bounding set; needs CAP_SETPCAP, so it
    /// runs before the user switch.
    func dropBoundingSet() throws(RuntimeError) {
        for number in 0...lastCapability where bounding & (UInt64(1) << UInt64(number)) == 0 {
            do throws(SystemError) {
                try processControl(ProcessControlOption.dropBoundingCapability, UInt(number))
            } catch {
                if error.errno == EINVAL { continue }
                throw RuntimeError("drop capability \(CapabilityName.all[number]) from the bounding set", error)
            }
        }
    }

    /// Sets effective, permitted and inheritable, then raises the ambient ones.
    func applySets() throws(RuntimeError) {
        do {
            try setCapabilities(CapabilitySets(effective: effective, permitted: permitted, inheritable: inheritable))
        } catch {
            throw RuntimeError("set capabilities", error)
        }
        if ambient == 0 { return }
        for number in 0...lastCapability where ambient & (UInt64(1) << UInt64(number)) != 0 {
            // PR_CAP_AMBIENT (47), PR_CAP_AMBIENT_RAISE (2); the kernel refuses
            // capabilities missing from permitted or inheritable, which is fine.
            _ = try? processControl(ProcessControlOption.capabilityAmbient, 2, UInt(number))
        }
    }
}
