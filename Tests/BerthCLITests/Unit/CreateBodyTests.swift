@testable import BerthCLI
import OCI
import Testing

/// `run`/`create` flags must become the create body docker sends, and bad
/// flags must fail before any request with status 125.
@Suite struct CreateBodyTests {
    static func body(_ arguments: [String], image: String = "busybox", command: [String] = [], attach: CreateBody.Attach = .init()) throws -> JSONValue {
        let options = try ContainerCreateOptions.parse(arguments)
        return try CreateBody.make(options, image: image, command: command, attach: attach, environment: { $0 == "HOME_X" ? "/root" : nil })
    }

    @Test func basicConfig() throws {
        let body = try Self.body(["-e", "FOO=bar", "-e", "HOME_X", "-e", "UNSET_X", "-w", "/tmp", "-u", "1000:1000", "-h", "box",
                                  "-l", "a=b", "-l", "flag", "--entrypoint", "/bin/sh", "-t", "-i"],
                                 command: ["-c", "echo hi"], attach: .init(stdin: true, stdout: true, stderr: true))
        #expect(body["Image"]?.stringValue == "busybox")
        #expect(body["Env"] == .array([.string("FOO=bar"), .string("HOME_X=/root")]))
        #expect(body["Cmd"] == .array([.string("-c"), .string("echo hi")]))
        #expect(body["Entrypoint"] == .array([.string("/bin/sh")]))
        #expect(body["WorkingDir"]?.stringValue == "/tmp")
        #expect(body["User"]?.stringValue == "1000:1000")
        #expect(body["Hostname"]?.stringValue == "box")
        #expect(body["Labels"] == .object([("a", .string("b")), ("flag", .string(""))]))
        #expect(body["Tty"]?.boolValue == true)
        #expect(body["OpenStdin"]?.boolValue == true)
        #expect(body["StdinOnce"]?.boolValue == true)
        #expect(body["AttachStdout"]?.boolValue == true)
    }

    @Test func noCommandIsNull() throws {
        let body = try Self.body([])
        #expect(body["Cmd"] == .null)
        #expect(body["Entrypoint"] == .null)
        #expect(body["HostConfig"]?["NetworkMode"]?.stringValue == "default")
        #expect(body["HostConfig"]?["RestartPolicy"] == .object([("Name", .string("no")), ("MaximumRetryCount", .number("0"))]))
    }

    @Test func resources() throws {
        let host = try Self.body(["-m", "64m", "--memory-swap", "-1", "--memory-reservation", "32m", "--cpus", "1.5",
                                  "--cpu-shares", "512", "--cpu-quota", "50000", "--cpu-period", "100000", "--cpuset-cpus", "0",
                                  "--pids-limit", "100", "--read-only"])["HostConfig"]
        #expect(host?["Memory"]?.int64Value == Int64(67_108_864))
        #expect(host?["MemorySwap"]?.int64Value == -1)
        #expect(host?["MemoryReservation"]?.int64Value == Int64(33_554_432))
        #expect(host?["NanoCpus"]?.int64Value == 1_500_000_000)
        #expect(host?["CpuShares"]?.int64Value == 512)
        #expect(host?["CpuQuota"]?.int64Value == 50000)
        #expect(host?["CpuPeriod"]?.int64Value == 100000)
        #expect(host?["CpusetCpus"]?.stringValue == "0")
        #expect(host?["PidsLimit"]?.int64Value == 100)
        #expect(host?["ReadonlyRootfs"]?.boolValue == true)
    }

    @Test func hostConfigFlags() throws {
        let body = try Self.body(["--rm", "--restart", "no", "--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--privileged", "--init",
                                  "--ulimit", "nofile=1024:2048", "--sysctl", "net.ipv4.ip_forward=1", "--tmpfs", "/run:size=64m",
                                  "-v", "/host:/data:ro", "-v", "/anon", "--log-driver", "json-file", "--log-opt", "max-size=1m",
                                  "--stop-signal", "SIGINT", "--stop-timeout", "5", "--network", "none",
                                  "-p", "127.0.0.1:8080:80", "-p", "53/udp", "--expose", "443", "-P"])
        let host = body["HostConfig"]
        #expect(host?["AutoRemove"]?.boolValue == true)
        #expect(host?["CapAdd"] == .array([.string("NET_ADMIN")]))
        #expect(host?["CapDrop"] == .array([.string("ALL")]))
        #expect(host?["Privileged"]?.boolValue == true)
        #expect(host?["Init"]?.boolValue == true)
        #expect(host?["Ulimits"] == .array([.object([("Name", .string("nofile")), ("Hard", .number("2048")), ("Soft", .number("1024"))])]))
        #expect(host?["Sysctls"] == .object([("net.ipv4.ip_forward", .string("1"))]))
        #expect(host?["Tmpfs"] == .object([("/run", .string("size=64m"))]))
        #expect(host?["Binds"] == .array([.string("/host:/data:ro")]))
        #expect(body["Volumes"] == .object([("/anon", .object([]))]))
        #expect(host?["LogConfig"] == .object([("Type", .string("json-file")), ("Config", .object([("max-size", .string("1m"))]))]))
        #expect(body["StopSignal"]?.stringValue == "SIGINT")
        #expect(body["StopTimeout"]?.int64Value == 5)
        #expect(host?["NetworkMode"]?.stringValue == "none")
        #expect(host?["PublishAllPorts"]?.boolValue == true)
        #expect(host?["PortBindings"]?["80/tcp"] == .array([.object([("HostIp", .string("127.0.0.1")), ("HostPort", .string("8080"))])]))
        #expect(host?["PortBindings"]?["53/udp"] == .array([.object([("HostIp", .string("")), ("HostPort", .string(""))])]))
        let exposed = body["ExposedPorts"]?.objectValue?.map(\.0).sorted()
        #expect(exposed == ["443/tcp", "53/udp", "80/tcp"])
    }

    @Test func restartPolicies() throws {
        #expect(try CreateBody.restartPolicy("on-failure:3") == .object([("Name", .string("on-failure")), ("MaximumRetryCount", .number("3"))]))
        #expect(try CreateBody.restartPolicy("always")["Name"]?.stringValue == "always")
        #expect(throws: CLIError.self) { try CreateBody.restartPolicy("sometimes") }
    }

    static let badFlags: [[String]] = [
        ["--rm", "--restart", "always"], ["-m", "lots"], ["-p", "99999:80"], ["-p", "80:http"], ["--cpus", "x"],
        ["--ulimit", "nofile"], ["--log-opt", "novalue"],
    ]

    @Test(arguments: badFlags)
    func badFlagsExit125(_ arguments: [String]) throws {
        do {
            _ = try Self.body(arguments)
            Issue.record("expected an error for \(arguments)")
        } catch let error as CLIError {
            #expect(error.exitCode == 125)
        }
    }

    @Test func startFailureCodes() {
        #expect(ContainerSession.startFailureCode("exec: \"nosuch\": executable file not found in $PATH") == 127)
        #expect(ContainerSession.startFailureCode("exec /x: no such file or directory") == 127)
        #expect(ContainerSession.startFailureCode("exec /etc/passwd: permission denied") == 126)
        #expect(ContainerSession.startFailureCode("cgroup setup failed") == 125)
    }

    @Test func updateBody() throws {
        let command = try UpdateCommand.parse(["-m", "128m", "--memory-swap", "256m", "--cpus", "0.5", "--restart", "always", "c1"])
        let body = try command.body()
        #expect(body["Memory"]?.int64Value == Int64(134_217_728))
        #expect(body["MemorySwap"]?.int64Value == Int64(268_435_456))
        #expect(body["NanoCpus"]?.int64Value == 500_000_000)
        #expect(body["RestartPolicy"]?["Name"]?.stringValue == "always")
    }

    @Test func argumentsAfterTheImageBelongToTheCommand() throws {
        let run = try RunCommand.parse(["-d", "--name", "x", "busybox", "ls", "-la", "--name", "y"])
        #expect(run.image == "busybox")
        #expect(run.command == ["ls", "-la", "--name", "y"])
        #expect(run.options.name == "x")
        #expect(run.detach)
    }

    @Test func groupsMapToTopLevelCommands() {
        #expect(CommandGroups.rewrite(["container", "ls", "-a"]) == ["ps", "-a"])
        #expect(CommandGroups.rewrite(["image", "rm", "x"]) == ["rmi", "x"])
        #expect(CommandGroups.rewrite(["image", "inspect", "x"]) == ["inspect", "--type", "image", "x"])
        #expect(CommandGroups.rewrite(["container", "run", "busybox"]) == ["run", "busybox"])
        #expect(CommandGroups.rewrite(["system", "df"]) == ["system-df"])
    }
}
