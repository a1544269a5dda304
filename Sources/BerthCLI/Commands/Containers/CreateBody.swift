import Glibc
import LinuxSys
import OCI

/// Turns `run`/`create` flags into the `POST /containers/create` body docker
/// sends (Config fields at the top, `HostConfig`, `NetworkingConfig`), with
/// docker's flag validation (exit 125 before any request).
struct CreateBody {
    /// How the container's stdio will be used by this CLI process.
    struct Attach {
        var stdin = false
        var stdout = false
        var stderr = false
    }

    /// The body for `options`, the image and the command after it.
    static func make(
        _ options: ContainerCreateOptions, image: String, command: [String], attach: Attach,
        consoleSize: (rows: Int, columns: Int) = (0, 0), environment: (String) -> String? = { name in getenv(name).map { String(cString: $0) } }
    ) throws(CLIError) -> JSONValue {
        if options.rm, let restart = options.restart, restart != "no", !restart.isEmpty {
            throw CLIError("berth: conflicting options: cannot specify both --restart and --rm", exitCode: 125)
        }
        var env: [String] = []
        for path in options.envFile { env += try readEnvFile(path, environment: environment) }
        for item in options.env {
            if item.contains("=") { env.append(item) } else if let value = environment(item) { env.append("\(item)=\(value)") }
        }
        var labels: [(String, JSONValue)] = []
        for item in options.label {
            let (key, value) = split(item, "=")
            labels.append((key, .string(value ?? "")))
        }
        var exposed: [(String, JSONValue)] = []
        var bindings: [(String, JSONValue)] = []
        for spec in options.expose {
            let port = spec.contains("/") ? spec : spec + "/tcp"
            if !exposed.contains(where: { $0.0 == port }) { exposed.append((port, .object([]))) }
        }
        for spec in options.publish {
            let (port, binding) = try parsePublish(spec)
            if !exposed.contains(where: { $0.0 == port }) { exposed.append((port, .object([]))) }
            if let index = bindings.firstIndex(where: { $0.0 == port }), case .array(var list) = bindings[index].1 {
                list.append(binding)
                bindings[index].1 = .array(list)
            } else {
                bindings.append((port, .array([binding])))
            }
        }
        var binds: [JSONValue] = []
        var volumes: [(String, JSONValue)] = []
        for spec in options.volume {
            if spec.contains(":") { binds.append(.string(spec)) } else { volumes.append((spec, .object([]))) }
        }
        let attachSet = Set(options.attach.map { $0.lowercased() })
        let attachStdin = attach.stdin || attachSet.contains("stdin")
        var config: [(String, JSONValue)] = [
            ("Hostname", .string(options.hostname ?? "")),
            ("Domainname", .string(options.domainname ?? "")),
            ("User", .string(options.user ?? "")),
            ("AttachStdin", .bool(attachStdin)),
            ("AttachStdout", .bool(attach.stdout || attachSet.contains("stdout"))),
            ("AttachStderr", .bool(attach.stderr || attachSet.contains("stderr"))),
        ]
        if !exposed.isEmpty { config.append(("ExposedPorts", .object(exposed))) }
        config += [
            ("Tty", .bool(options.tty)),
            ("OpenStdin", .bool(options.interactive)),
            ("StdinOnce", .bool(options.interactive && attachStdin)),
            ("Env", .array(env.map { .string($0) })),
            ("Cmd", command.isEmpty ? .null : .array(command.map { .string($0) })),
            ("Image", .string(image)),
            ("Volumes", .object(volumes)),
            ("WorkingDir", .string(options.workdir ?? "")),
            ("Entrypoint", options.entrypoint.map { .array([.string($0)]) } ?? .null),
            ("OnBuild", .null),
            ("Labels", .object(labels)),
        ]
        if let signal = options.stopSignal { config.append(("StopSignal", .string(signal))) }
        if let timeout = options.stopTimeout { config.append(("StopTimeout", .number(String(timeout)))) }

        let resources = try ResourceFlags(
            memory: options.memory, memorySwap: options.memorySwap, memoryReservation: options.memoryReservation,
            cpus: options.cpus)
        var logConfig: [(String, JSONValue)] = []
        for item in options.logOpt {
            let (key, value) = split(item, "=")
            guard let value else { throw CLIError("invalid argument \"\(item)\" for \"--log-opt\" flag: invalid key value pair format", exitCode: 125) }
            logConfig.append((key, .string(value)))
        }
        let networkMode = options.network ?? "default"
        var host: [(String, JSONValue)] = [
            ("Binds", binds.isEmpty ? .null : .array(binds)),
            ("ContainerIDFile", .string("")),
            ("LogConfig", .object([("Type", .string(options.logDriver ?? "")), ("Config", .object(logConfig))])),
            ("NetworkMode", .string(networkMode)),
            ("PortBindings", .object(bindings)),
            ("RestartPolicy", try restartPolicy(options.restart ?? "no")),
            ("AutoRemove", .bool(options.rm)),
            ("VolumeDriver", .string("")),
            ("VolumesFrom", .null),
            ("ConsoleSize", .array([.number(String(consoleSize.rows)), .number(String(consoleSize.columns))])),
            ("CapAdd", strings(options.capAdd)),
            ("CapDrop", strings(options.capDrop)),
            ("CgroupnsMode", .string("")),
            ("Dns", .array(options.dns.map { .string($0) })),
            ("DnsOptions", .array([])),
            ("DnsSearch", .array([])),
            ("ExtraHosts", strings(options.addHost)),
            ("GroupAdd", strings(options.groupAdd)),
            ("IpcMode", .string(options.ipc ?? "")),
            ("Cgroup", .string("")),
            ("Links", .null),
            ("OomScoreAdj", .number(String(options.oomScoreAdj ?? 0))),
            ("PidMode", .string(options.pid ?? "")),
            ("Privileged", .bool(options.privileged)),
            ("PublishAllPorts", .bool(options.publishAll)),
            ("ReadonlyRootfs", .bool(options.readOnly)),
            ("SecurityOpt", strings(options.securityOpt)),
        ]
        if !options.tmpfs.isEmpty {
            host.append(("Tmpfs", .object(options.tmpfs.map { item in
                let (path, mountOptions) = split(item, ":")
                return (path, .string(mountOptions ?? ""))
            })))
        }
        if !options.sysctl.isEmpty {
            var sysctls: [(String, JSONValue)] = []
            for item in options.sysctl {
                let (key, value) = split(item, "=")
                guard let value else { throw CLIError("invalid argument \"\(item)\" for \"--sysctl\" flag: sysctl '\(item)' is not allowed", exitCode: 125) }
                sysctls.append((key, .string(value)))
            }
            host.append(("Sysctls", .object(sysctls)))
        }
        var shmSize: Int64 = 0
        if let text = options.shmSize {
            guard let bytes = Units.ramInBytes(text) else {
                throw CLIError("invalid argument \"\(text)\" for \"--shm-size\" flag: invalid size: '\(text)'", exitCode: 125)
            }
            shmSize = bytes
        }
        host += [
            ("UTSMode", .string(options.uts ?? "")),
            ("UsernsMode", .string("")),
            ("ShmSize", .number(String(shmSize))),
        ]
        if options.initProcess { host.append(("Init", .bool(true))) }
        host += [
            ("Isolation", .string("")),
            ("CpuShares", .number(String(options.cpuShares ?? 0))),
            ("Memory", .number(String(resources.memory))),
            ("NanoCpus", .number(String(resources.nanoCpus))),
            ("CgroupParent", .string("")),
            ("BlkioWeight", .number("0")),
            ("CpuPeriod", .number(String(options.cpuPeriod ?? 0))),
            ("CpuQuota", .number(String(options.cpuQuota ?? 0))),
            ("CpusetCpus", .string(options.cpusetCpus ?? "")),
            ("CpusetMems", .string("")),
            ("Devices", .array([])),
            ("MemoryReservation", .number(String(resources.memoryReservation))),
            ("MemorySwap", .number(String(resources.memorySwap))),
            ("MemorySwappiness", .null),
            ("OomKillDisable", .bool(false)),
            ("PidsLimit", options.pidsLimit.map { .number(String($0)) } ?? .null),
            ("Ulimits", .array(try options.ulimit.map(parseUlimit))),
        ]
        config.append(("HostConfig", .object(host)))
        config.append(("NetworkingConfig", .object([("EndpointsConfig", .object([]))])))
        return .object(config)
    }

    private static func strings(_ items: [String]) -> JSONValue {
        items.isEmpty ? .null : .array(items.map { .string($0) })
    }

    /// `key=value` → (key, value); `key` → (key, nil).
    static func split(_ item: String, _ separator: Character) -> (String, String?) {
        guard let index = item.firstIndex(of: separator) else { return (item, nil) }
        return (String(item[..<index]), String(item[item.index(after: index)...]))
    }

    /// `no`, `always`, `unless-stopped`, `on-failure[:N]`.
    static func restartPolicy(_ text: String) throws(CLIError) -> JSONValue {
        let (name, count) = split(text, ":")
        guard ["no", "always", "unless-stopped", "on-failure", ""].contains(name) else {
            throw CLIError("berth: invalid restart policy '\(text)'", exitCode: 125)
        }
        var retries = 0
        if let count {
            guard name == "on-failure", let value = Int(count), value >= 0 else {
                throw CLIError("berth: invalid restart policy format: maximum retry count must be an integer", exitCode: 125)
            }
            retries = value
        }
        return .object([("Name", .string(name)), ("MaximumRetryCount", .number(String(retries)))])
    }

    /// `-p [ip:][hostPort:]containerPort[/proto]` → ("80/tcp", {"HostIp","HostPort"}).
    static func parsePublish(_ spec: String) throws(CLIError) -> (String, JSONValue) {
        var (body, proto) = split(spec, "/")
        proto = proto ?? "tcp"
        var hostIP = "", hostPort = "", containerPort = body
        if body.hasPrefix("[") , let close = body.firstIndex(of: "]") {
            hostIP = String(body[body.index(after: body.startIndex)..<close])
            body = String(body[body.index(after: close)...].dropFirst())
            let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            hostPort = parts.count > 1 ? parts[0] : ""
            containerPort = parts.last ?? ""
        } else {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1: containerPort = parts[0]
            case 2: hostPort = parts[0]; containerPort = parts[1]
            case 3: hostIP = parts[0]; hostPort = parts[1]; containerPort = parts[2]
            default: throw CLIError("berth: invalid port format: \(spec)", exitCode: 125)
            }
        }
        func valid(_ port: String) -> Bool {
            let ends = port.split(separator: "-", omittingEmptySubsequences: false)
            return ends.count <= 2 && ends.allSatisfy { Int($0).map { (0...65535).contains($0) } ?? false }
        }
        guard hostPort.isEmpty || valid(hostPort) else { throw CLIError("berth: invalid hostPort: \(hostPort)", exitCode: 125) }
        guard valid(containerPort) else { throw CLIError("berth: invalid containerPort: \(containerPort)", exitCode: 125) }
        return ("\(containerPort)/\(proto ?? "tcp")", .object([("HostIp", .string(hostIP)), ("HostPort", .string(hostPort))]))
    }

    /// `nofile=1024[:2048]` → {"Name","Hard","Soft"}.
    static func parseUlimit(_ spec: String) throws(CLIError) -> JSONValue {
        let (name, limits) = split(spec, "=")
        guard let limits else { throw CLIError("invalid argument \"\(spec)\" for \"--ulimit\" flag: invalid ulimit argument: \(spec)", exitCode: 125) }
        let (softText, hardText) = split(limits, ":")
        guard let soft = Int64(softText), let hard = Int64(hardText ?? softText) else {
            throw CLIError("invalid argument \"\(spec)\" for \"--ulimit\" flag: invalid ulimit argument: \(spec)", exitCode: 125)
        }
        return .object([("Name", .string(name)), ("Hard", .number(String(hard))), ("Soft", .number(String(soft)))])
    }

    /// An env file: `KEY=value` lines, `KEY` alone takes the variable from the environment, `#` comments.
    static func readEnvFile(_ path: String, environment: (String) -> String?) throws(CLIError) -> [String] {
        let bytes: [UInt8]
        do {
            let fd = try FileDescriptor.open(path, O_RDONLY)
            defer { fd.close() }
            bytes = try fd.readAll()
        } catch {
            throw CLIError("berth: open \(path): no such file or directory", exitCode: 125)
        }
        var result: [String] = []
        for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let line = String(raw).trimmingCharacters()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.contains("=") { result.append(line) } else if let value = environment(line) { result.append("\(line)=\(value)") }
        }
        return result
    }
}
