import LinuxSys

/// The shim's command line: which container, where its bundle, runtime, state
/// and log live, and how its stdio is wired. Paths are made absolute, because
/// the daemonised shim changes its directory to "/".
public struct ShimOptions: Sendable, Equatable {
    /// The container id passed to the runtime.
    public var id = ""
    /// The OCI bundle directory (config.json + rootfs).
    public var bundle = ""
    /// The OCI runtime binary (berth-runtime or runc).
    public var runtime = ""
    /// The runtime's `--root` state directory.
    public var runtimeRoot = ""
    /// Where the shim keeps shim.sock, shim.pid, init.pid and exit.json.
    public var stateDirectory = ""
    /// The json-file log.
    public var logPath = ""
    /// Rotate when the log would grow past this many bytes (0: never).
    public var logMaxSize = 10 * 1024 * 1024
    /// How many log files to keep in all, the live one included.
    public var logMaxFiles = 3
    /// Give the container a pseudo-terminal instead of pipes.
    public var tty = false
    /// Keep a pipe to the container's stdin (for attach).
    public var stdin = false
    /// Stop after the runtime's create; a `start` control request starts the
    /// container, so attach clients can connect first and miss no output.
    public var awaitStart = false
    /// Where berthd puts each exec's directory (ID/process.json): `exec`
    /// requests run those processes in the container (refused without it).
    public var execRoot: String?
    /// With --await-start: seconds to wait for `start` before giving up.
    public var startTimeout = 60

    /// Options with every field set; for tests and for berthd-side code.
    public init(
        id: String, bundle: String, runtime: String, runtimeRoot: String, stateDirectory: String,
        logPath: String, logMaxSize: Int = 10 * 1024 * 1024, logMaxFiles: Int = 3, tty: Bool = false, stdin: Bool = false
    ) {
        self.id = id
        self.bundle = bundle
        self.runtime = runtime
        self.runtimeRoot = runtimeRoot
        self.stateDirectory = stateDirectory
        self.logPath = logPath
        self.logMaxSize = logMaxSize
        self.logMaxFiles = logMaxFiles
        self.tty = tty
        self.stdin = stdin
    }

    private init() {}

    /// The usage text printed on a command-line error.
    public static let usage = """
        usage: berth-shim --id ID --bundle DIR --runtime PATH --runtime-root DIR --state-dir DIR \
        --log-path FILE [--log-max-size BYTES] [--log-max-files N] [--tty] [--stdin] [--await-start] [--start-timeout SECONDS] [--exec-root DIR]
        """

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(ShimError) -> ShimOptions {
        var options = ShimOptions()
        var index = 0
        func value(_ flag: String) throws(ShimError) -> String {
            index += 1
            guard index < arguments.count else { throw ShimError("\(flag) needs a value") }
            return arguments[index]
        }
        func number(_ flag: String, minimum: Int) throws(ShimError) -> Int {
            let text = try value(flag)
            guard let parsed = Int(text), parsed >= minimum else {
                throw ShimError("\(flag) \"\(text)\": expected a whole number ≥ \(minimum)")
            }
            return parsed
        }
        while index < arguments.count {
            let flag = arguments[index]
            switch flag {
            case "--id": options.id = try value(flag)
            case "--bundle": options.bundle = Path.absolute(try value(flag))
            case "--runtime": options.runtime = try value(flag)
            case "--runtime-root": options.runtimeRoot = Path.absolute(try value(flag))
            case "--state-dir": options.stateDirectory = Path.absolute(try value(flag))
            case "--log-path": options.logPath = Path.absolute(try value(flag))
            case "--log-max-size": options.logMaxSize = try number(flag, minimum: 0)
            case "--log-max-files": options.logMaxFiles = try number(flag, minimum: 1)
            case "--tty", "-t": options.tty = true
            case "--stdin", "-i": options.stdin = true
            case "--await-start": options.awaitStart = true
            case "--start-timeout": options.startTimeout = try number(flag, minimum: 1)
            case "--exec-root": options.execRoot = Path.absolute(try value(flag))
            default: throw ShimError("unknown argument \"\(flag)\"")
            }
            index += 1
        }
        for (flag, field) in [
            ("--id", options.id), ("--bundle", options.bundle), ("--runtime", options.runtime),
            ("--runtime-root", options.runtimeRoot), ("--state-dir", options.stateDirectory), ("--log-path", options.logPath),
        ] where field.isEmpty {
            throw ShimError("\(flag) is required")
        }
        if options.id.containsByte(0x2f) || options.id.hasPrefix("-") {
            throw ShimError("invalid container id \"\(options.id)\"")
        }
        if options.runtime.containsByte(0x2f) { options.runtime = Path.absolute(options.runtime) }
        return options
    }

    /// state-dir/shim.sock: the control socket.
    public var controlSocketPath: String { Path.join(stateDirectory, "shim.sock") }
    /// state-dir/shim.pid.
    public var shimPIDPath: String { Path.join(stateDirectory, "shim.pid") }
    /// state-dir/init.pid, written by the runtime's create.
    public var initPIDPath: String { Path.join(stateDirectory, "init.pid") }
    /// state-dir/exit.json, written once the container has exited.
    public var exitPath: String { Path.join(stateDirectory, "exit.json") }
    /// state-dir/console.sock, where the runtime hands over the pty master.
    public var consoleSocketPath: String { Path.join(stateDirectory, "console.sock") }
}
