/// `POST /containers/{id}/exec`'s body (Docker's names).
public struct ExecCreateRequest: Codable, Sendable {
    public var AttachStdin: Bool?
    public var AttachStdout: Bool?
    public var AttachStderr: Bool?
    public var Tty: Bool?
    public var Env: [String]?
    public var Cmd: [String]?
    public var User: String?
    public var WorkingDir: String?
    public var Privileged: Bool?
    public var DetachKeys: String?
}

/// `POST /exec/{id}/start`'s body.
public struct ExecStartRequest: Codable, Sendable {
    public var Detach: Bool?
    public var Tty: Bool?
}

/// `POST /containers/{id}/exec`'s answer.
public struct ExecCreateResponse: Codable, Sendable {
    public var Id: String
    /// The new exec instance's id.
    public init(id: String) { Id = id }
}

/// `GET /exec/{id}/json`: what the CLI reads for the exit code.
public struct ExecInspect: Codable, Sendable {
    /// The command as dockerd reports it.
    public struct ProcessConfig: Codable, Sendable {
        public var tty: Bool
        public var entrypoint: String
        public var arguments: [String]
        public var privileged: Bool
        public var user: String
    }

    public var ID: String
    public var Running: Bool
    public var ExitCode: Int?
    public var ProcessConfig: ProcessConfig
    public var OpenStdin: Bool
    public var OpenStderr: Bool
    public var OpenStdout: Bool
    public var CanRemove: Bool
    public var ContainerID: String
    public var DetachKeys: String
    public var Pid: Int

    /// As dockerd: `"ExitCode": null` until the process has exited (the CLI
    /// polls it), every other field always present. Written out, not through
    /// reflection: the CLI asks for this after every exec.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ID, forKey: .ID)
        try container.encode(Running, forKey: .Running)
        if let ExitCode { try container.encode(ExitCode, forKey: .ExitCode) } else { try container.encodeNil(forKey: .ExitCode) }
        try container.encode(self.ProcessConfig, forKey: .ProcessConfig)
        try container.encode(OpenStdin, forKey: .OpenStdin)
        try container.encode(OpenStderr, forKey: .OpenStderr)
        try container.encode(OpenStdout, forKey: .OpenStdout)
        try container.encode(CanRemove, forKey: .CanRemove)
        try container.encode(ContainerID, forKey: .ContainerID)
        try container.encode(DetachKeys, forKey: .DetachKeys)
        try container.encode(Pid, forKey: .Pid)
    }

    /// An inspect document.
    public init(id: String, running: Bool, exitCode: Int?, tty: Bool, args: [String], privileged: Bool, user: String,
                openStdin: Bool, openStdout: Bool, openStderr: Bool, containerID: String, pid: Int, detachKeys: String = "") {
        ID = id
        Running = running
        ExitCode = exitCode
        self.ProcessConfig = ExecInspect.ProcessConfig(tty: tty, entrypoint: args.first ?? "", arguments: Array(args.dropFirst()), privileged: privileged, user: user)
        OpenStdin = openStdin
        OpenStdout = openStdout
        OpenStderr = openStderr
        CanRemove = false
        ContainerID = containerID
        DetachKeys = detachKeys
        Pid = pid
    }
}
