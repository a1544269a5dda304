import BerthAPI
import BerthImage
import Crypto
import LinuxSys

/// Turns Binds, Mounts, Tmpfs and the declared volumes of a container into
/// `PlannedMount`s with moby's volume parser's rules and wording: the same
/// parse serves validation at create, the spec at start and inspect.
enum MountPlanner {
    /// A refused mount; the text is dockerd's.
    struct Failure: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    static let rwModes: Set<String> = ["rw", "ro"]
    static let labelModes: Set<String> = ["z", "Z"]
    static let propagationModes: Set<String> = ["private", "rprivate", "slave", "rslave", "shared", "rshared"]
    static let copyModes: Set<String> = ["nocopy"]
    static let consistencyModes: Set<String> = ["consistent", "cached", "delegated"]

    /// Every user mount of a container: Binds, then Mounts, then Tmpfs, then an
    /// anonymous volume for each declared volume nothing else covers.
    /// Destinations must be unique.
    static func plan(_ host: HostConfig?, declaredVolumes: [String], containerID: String,
                     volumesRoot: String) throws(Failure) -> [PlannedMount] {
        var mounts: [PlannedMount] = []
        func add(_ mount: PlannedMount) throws(Failure) {
            if mounts.contains(where: { $0.destination == mount.destination }) {
                throw Failure(description: "Duplicate mount point: \(mount.destination)")
            }
            mounts.append(mount)
        }
        for raw in host?.Binds ?? [] { try add(try parseBind(raw, containerID: containerID, volumesRoot: volumesRoot)) }
        for request in host?.Mounts ?? [] {
            try add(try parseMount(request, containerID: containerID, volumesRoot: volumesRoot))
        }
        for (destination, options) in (host?.Tmpfs ?? [:]).sorted(by: { $0.key < $1.key }) {
            try add(try parseTmpfs(destination, options))
        }
        for destination in declaredVolumes.sorted() {
            let clean = Path.clean(destination)
            if mounts.contains(where: { $0.destination == clean }) { continue }
            try add(try anonymousVolume(at: destination, containerID: containerID, volumesRoot: volumesRoot))
        }
        return mounts
    }

    /// One `-v` text: `/host:/ctr[:mode]`, `name:/ctr[:mode]` or `/ctr`.
    static func parseBind(_ raw: String, containerID: String, volumesRoot: String) throws(Failure) -> PlannedMount {
        let invalid = Failure(description: "invalid volume specification: '\(raw)'")
        let parts = raw.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { throw invalid }
        var source = ""
        var target = ""
        var mode = ""
        switch parts.count {
        case 1: target = first
        case 2:
            if isValidMode(parts[1]) { throw invalid }
            source = first
            target = parts[1]
        case 3:
            source = first
            target = parts[1]
            mode = parts[2]
        default: throw invalid
        }
        guard isValidMode(mode) else { throw Failure(description: "invalid mode: \(mode)") }
        let isBind = source.hasPrefix("/")
        do {
            try validateTarget(target)
        } catch {
            throw Failure(description: "\(invalid.description): invalid mount config for type \"\(isBind ? "bind" : "volume")\": \(error.description)")
        }
        let options = mode.split(separator: ",").map(String.init)
        let readWrite = !options.contains("ro")
        if isBind {
            return PlannedMount(kind: .bind, source: Path.clean(source), destination: Path.clean(target), mode: mode,
                                readWrite: readWrite, propagation: options.first(where: propagationModes.contains) ?? "rprivate",
                                createsSource: true)
        }
        if source.isEmpty { return try anonymousVolume(at: target, containerID: containerID, volumesRoot: volumesRoot, mode: mode) }
        try validateVolumeName(source)
        // dockerd shows local named volumes from -v with mode "z" when none was given.
        return PlannedMount(kind: .volume, source: volumeData(volumesRoot, source), volumeName: source,
                            destination: Path.clean(target), mode: mode.isEmpty ? "z" : mode, readWrite: readWrite, propagation: "")
    }

    /// One `--mount` object.
    static func parseMount(_ request: ContainerMount, containerID: String, volumesRoot: String) throws(Failure) -> PlannedMount {
        let type = request.Type ?? ""
        func failure(_ text: String) -> Failure { Failure(description: "invalid mount config for type \"\(type)\": \(text)") }
        if type != "bind" && request.BindOptions != nil { throw failure("field BindOptions must not be specified") }
        if type != "volume" && request.VolumeOptions != nil { throw failure("field VolumeOptions must not be specified") }
        if type != "tmpfs" && request.TmpfsOptions != nil { throw failure("field TmpfsOptions must not be specified") }
        guard let target = request.Target, !target.isEmpty else { throw failure("field Target must not be empty") }
        do { try validateTarget(target) } catch { throw failure(error.description) }
        let readWrite = request.ReadOnly != true
        let destination = Path.clean(target)
        switch type {
        case "bind":
            guard let source = request.Source, !source.isEmpty else { throw failure("field Source must not be empty") }
            guard source.hasPrefix("/") else { throw failure("invalid mount path: '\(source)' mount path must be absolute") }
            let propagation = request.BindOptions?.Propagation.flatMap { $0.isEmpty ? nil : $0 } ?? "rprivate"
            guard propagationModes.contains(propagation) else { throw failure("invalid propagation mode: \(propagation)") }
            return PlannedMount(kind: .bind, source: Path.clean(source), destination: destination, mode: "",
                                readWrite: readWrite, propagation: propagation,
                                createsSource: request.BindOptions?.CreateMountpoint == true)
        case "volume":
            guard let name = request.Source, !name.isEmpty else {
                var mount = try anonymousVolume(at: target, containerID: containerID, volumesRoot: volumesRoot)
                mount.readWrite = readWrite
                return mount
            }
            try validateVolumeName(name)
            return PlannedMount(kind: .volume, source: volumeData(volumesRoot, name), volumeName: name,
                                destination: destination, mode: "", readWrite: readWrite, propagation: "")
        case "tmpfs":
            if let source = request.Source, !source.isEmpty { throw failure("field Source must not be specified") }
            var options: [String] = request.ReadOnly == true ? ["ro"] : []
            if let mode = request.TmpfsOptions?.Mode, mode != 0 { options.append("mode=" + String(mode, radix: 8)) }
            if let size = request.TmpfsOptions?.SizeBytes, size != 0 { options.append("size=" + sizeText(size)) }
            return PlannedMount(kind: .tmpfs, source: "", destination: destination, mode: "", readWrite: readWrite,
                                propagation: "", tmpfsOptions: options.joined(separator: ","))
        default:
            throw failure("mount type unknown")
        }
    }

    /// One `--tmpfs /dest:options` (HostConfig.Tmpfs entry).
    static func parseTmpfs(_ destination: String, _ options: String) throws(Failure) -> PlannedMount {
        try validateTarget(destination)
        _ = try TmpfsOptions.merge(options)
        let readWrite = !options.split(separator: ",").contains("ro")
        return PlannedMount(kind: .tmpfs, source: "", destination: Path.clean(destination), mode: options,
                            readWrite: readWrite, propagation: "", tmpfsOptions: options, listed: false)
    }

    /// A fresh volume for a declared mount point: its name is derived from the
    /// container and the path, so every start (and inspect) finds the same one.
    static func anonymousVolume(at target: String, containerID: String, volumesRoot: String,
                                mode: String = "") throws(Failure) -> PlannedMount {
        try validateTarget(target)
        let destination = Path.clean(target)
        let name = anonymousName(containerID, destination)
        return PlannedMount(kind: .volume, source: volumeData(volumesRoot, name), volumeName: name, destination: destination,
                            mode: mode, readWrite: !mode.split(separator: ",").contains("ro"), propagation: "")
    }

    /// The name of container `containerID`'s anonymous volume at `destination` (64 hex digits, like dockerd's random ones).
    static func anonymousName(_ containerID: String, _ destination: String) -> String {
        Digest(sha256: SHA256.hash(data: Array("berth-anonymous-volume\u{0}\(containerID)\u{0}\(destination)".utf8))).hex
    }

    /// `<volumes>/<name>/_data`, where a local volume keeps its files.
    static func volumeData(_ volumesRoot: String, _ name: String) -> String { volumesRoot + "/" + name + "/_data" }

    /// A mount destination: absolute, and not "/".
    static func validateTarget(_ target: String) throws(Failure) {
        guard target.hasPrefix("/") else { throw Failure(description: "invalid mount path: '\(target)' mount path must be absolute") }
        if Path.clean(target) == "/" { throw Failure(description: "invalid specification: destination can't be '/'") }
    }

    /// The local driver's rule for names: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
    static func validateVolumeName(_ name: String) throws(Failure) {
        func allowed(_ byte: UInt8, first: Bool) -> Bool {
            let alnum = (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
            return alnum || (!first && (byte == 0x5f || byte == 0x2e || byte == 0x2d))
        }
        let bytes = Array(name.utf8)
        if bytes.count == 1 {
            throw Failure(description: "create \(name): volume name is too short, names should be at least two alphanumeric characters")
        }
        guard let first = bytes.first, allowed(first, first: true), bytes.allSatisfy({ allowed($0, first: false) }) else {
            throw Failure(description: "create \(name): \"\(name)\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path")
        }
    }

    /// moby's linuxValidMountMode: each option from a known family, at most one per family.
    static func isValidMode(_ mode: String) -> Bool {
        if mode.isEmpty { return true }
        var counts = [0, 0, 0, 0, 0]
        for option in mode.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if rwModes.contains(option) { counts[0] += 1 }
            else if labelModes.contains(option) { counts[1] += 1 }
            else if propagationModes.contains(option) { counts[2] += 1 }
            else if copyModes.contains(option) { counts[3] += 1 }
            else if consistencyModes.contains(option) { counts[4] += 1 }
            else { return false }
        }
        return counts.allSatisfy { $0 <= 1 }
    }

    /// Bytes as the tmpfs size option writes them (`64m`, `1g`, `4096`).
    static func sizeText(_ size: Int64) -> String {
        for (suffix, divisor) in [("g", Int64(1) << 30), ("m", Int64(1) << 20), ("k", Int64(1) << 10)] where size % divisor == 0 {
            return "\(size / divisor)\(suffix)"
        }
        return String(size)
    }
}
