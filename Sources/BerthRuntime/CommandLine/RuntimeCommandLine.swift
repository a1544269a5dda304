import Glibc
import LinuxSys
import OCI

/// berth-runtime's command line: runc's commands and flags, so an engine
/// (berthd, containerd, Docker) can use either binary.
public enum RuntimeCommandLine {
    static let usage = """
        usage: berth-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND [OPTIONS] ID

        An OCI runtime. Commands (as runc's):
          create [--bundle DIR] [--pid-file FILE] [--console-socket SOCK] ID
          start ID                     run the created container's process
          run [-d] [--bundle DIR] [--pid-file FILE] [--console-socket SOCK] ID
          exec [--process FILE | -t -e K=V --cwd DIR -u UID[:GID]] [-d] [--pid-file FILE] ID [COMMAND...]
          state ID                     print the OCI state as JSON
          list [--format table|json] [-q]
          kill [--all] ID [SIGNAL]     signal the init (or every process)
          pause ID / resume ID         freeze / thaw every process
          delete [--force] ID          remove a stopped container (kill it with --force)
          spec [--bundle DIR] [--rootless]  write a Docker-like config.json

        """

    /// Runs one command and returns the process exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        var root = "/run/berth-runtime"
        var logFile: String?
        var logJSON = false
        var index = 0
        do {
            while index < arguments.count, arguments[index].hasPrefix("-") {
                let argument = arguments[index]
                let (flag, inline) = split(argument)
                index += 1
                func value() throws(RuntimeError) -> String {
                    if let inline { return inline }
                    guard index < arguments.count else { throw RuntimeError("flag needs an argument: \(flag)") }
                    index += 1
                    return arguments[index - 1]
                }
                switch flag {
                case "--root": root = try value()
                case "--log": logFile = try value()
                case "--log-format": logJSON = try value() == "json"
                case "--criu": _ = try value()
                case "--debug", "--rootless", "--systemd-cgroup":
                    if flag == "--systemd-cgroup" && inline != "false" {
                        throw RuntimeError("--systemd-cgroup is not supported; use cgroupfs paths")
                    }
                case "--help", "-h":
                    printOutput(usage)
                    return 0
                case "--version", "-v":
                    printOutput("berth-runtime version \(version)\nspec: 1.0.2\n")
                    return 0
                default: throw RuntimeError("flag provided but not defined: \(flag)")
                }
            }
            guard index < arguments.count else {
                printError(usage)
                return 1
            }
            let command = arguments[index]
            let rest = Array(arguments[(index + 1)...])
            return try dispatch(command, rest, runtime: Runtime(root: root))
        } catch {
            report("\(error)", logFile: logFile, json: logJSON)
            return 1
        }
    }

    static let version = "0.1.0"

    private static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func dispatch(_ command: String, _ arguments: [String], runtime: Runtime) throws(RuntimeError) -> Int32 {
        switch command {
        case "create", "run":
            let reader = try ArgumentReader(
                arguments,
                valued: [["--bundle", "-b"], ["--pid-file"], ["--console-socket"], ["--preserve-fds"]],
                boolean: [["--detach", "-d"], ["--no-pivot"], ["--no-new-keyring"], ["--no-subreaper"], ["--keep"]])
            let id = try single(reader, command)
            var options = CreateOptions()
            options.bundle = reader.value("--bundle") ?? "."
            options.pidFile = reader.value("--pid-file")
            options.consoleSocket = reader.value("--console-socket")
            if command == "create" {
                try runtime.create(id: id, options: options)
                return 0
            }
            return try runtime.run(id: id, options: options, detach: reader.flag("--detach"))
        case "start":
            try runtime.start(id: try single(try ArgumentReader(arguments, valued: [], boolean: []), command))
            return 0
        case "state":
            let state = try runtime.state(id: try single(try ArgumentReader(arguments, valued: [], boolean: []), command))
            printOutput(encode(state) + "\n")
            return 0
        case "list":
            let reader = try ArgumentReader(arguments, valued: [["--format", "-f"]], boolean: [["--quiet", "-q"]])
            printOutput(renderList(runtime.list(), format: reader.value("--format") ?? "table", quiet: reader.flag("--quiet")))
            return 0
        case "kill":
            let reader = try ArgumentReader(arguments, valued: [], boolean: [["--all", "-a"]])
            guard let id = reader.positionals.first, reader.positionals.count <= 2 else {
                throw RuntimeError("kill: usage: kill [--all] ID [SIGNAL]")
            }
            let name = reader.positionals.count == 2 ? reader.positionals[1] : "SIGTERM"
            guard let signal = SignalName.parse(name) else { throw RuntimeError("unknown signal \"\(name)\"") }
            try runtime.kill(id: id, signal: signal, all: reader.flag("--all"))
            return 0
        case "delete", "rm":
            let reader = try ArgumentReader(arguments, valued: [], boolean: [["--force", "-f"]])
            try runtime.delete(id: try single(reader, command), force: reader.flag("--force"))
            return 0
        case "pause", "resume":
            let id = try single(try ArgumentReader(arguments, valued: [], boolean: []), command)
            if command == "pause" { try runtime.pause(id: id) } else { try runtime.resume(id: id) }
            return 0
        case "exec":
            return try runExec(arguments, runtime: runtime)
        case "spec":
            let reader = try ArgumentReader(arguments, valued: [["--bundle", "-b"]], boolean: [["--rootless"]])
            let path = (reader.value("--bundle") ?? ".") + "/config.json"
            if FileSystem.exists(path) { throw RuntimeError("File \(path) exists. Remove it first") }
            do {
                try FileSystem.write(path, DefaultSpec.make().jsonBytes(pretty: true) + [0x0a])
            } catch {
                throw RuntimeError("write \(path): \(error)")
            }
            return 0
        case "help":
            printOutput(usage)
            return 0
        default:
            throw RuntimeError("unknown command \"\(command)\"; see berth-runtime --help")
        }
    }

    private static func runExec(_ arguments: [String], runtime: Runtime) throws(RuntimeError) -> Int32 {
        let reader = try ArgumentReader(
            arguments,
            valued: [["--process", "-p"], ["--pid-file"], ["--console-socket"], ["--cwd"], ["--env", "-e"],
                     ["--user", "-u"], ["--additional-gids", "-g"], ["--cap", "-c"], ["--process-label"],
                     ["--apparmor"], ["--preserve-fds"], ["--cgroup"]],
            boolean: [["--detach", "-d"], ["--tty", "-t"], ["--no-new-privs"], ["--ignore-paused"], ["--no-subreaper"]],
            stopAfterPositionals: 1)
        guard let id = reader.positionals.first else { throw RuntimeError("exec: missing container id") }
        var options = ExecOptions()
        options.processFile = reader.value("--process")
        options.arguments = Array(reader.positionals.dropFirst())
        options.environment = reader.all("--env")
        options.cwd = reader.value("--cwd")
        options.terminal = reader.flag("--tty")
        options.detach = reader.flag("--detach")
        options.pidFile = reader.value("--pid-file")
        options.consoleSocket = reader.value("--console-socket")
        options.capabilities = reader.all("--cap")
        if reader.flag("--no-new-privs") { options.noNewPrivileges = true }
        if let user = reader.value("--user") {
            let parts = user.split(separator: ":", omittingEmptySubsequences: false)
            guard let uid = UInt32(parts[0]), parts.count <= 2, parts.count == 1 || UInt32(parts[1]) != nil else {
                throw RuntimeError("invalid --user \"\(user)\": use UID[:GID]")
            }
            options.user = (uid, parts.count == 2 ? UInt32(parts[1]) ?? 0 : 0)
        }
        for gid in reader.all("--additional-gids") {
            guard let value = UInt32(gid) else { throw RuntimeError("invalid --additional-gids \"\(gid)\"") }
            options.additionalGids.append(value)
        }
        return try runtime.exec(id: id, options: options)
    }

    private static func single(_ reader: ArgumentReader, _ command: String) throws(RuntimeError) -> String {
        guard reader.positionals.count == 1, let id = reader.positionals.first else {
            throw RuntimeError("\(command): expected exactly one container id, got \(reader.positionals.count) arguments")
        }
        return id
    }

    private static func encode(_ state: ContainerState) -> String {
        state.json.serialized(pretty: true)
    }

    private static func renderList(_ states: [ContainerState], format: String, quiet: Bool) -> String {
        if quiet { return states.map { $0.id + "\n" }.joined() }
        if format == "json" {
            return JSONValue.array(states.map(\.json)).serialized() + "\n"
        }
        var lines = ["ID\tPID\tSTATUS\tBUNDLE\tCREATED"]
        for state in states {
            lines.append("\(state.id)\t\(state.pid ?? 0)\t\(state.status)\t\(state.bundle)\t\(state.created ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Prints an error to stderr and, when the engine asked for it, to --log
    /// as runc does (containerd reads the last JSON line).
    private static func report(_ message: String, logFile: String?, json: Bool) {
        printError("berth-runtime: " + message)
        guard let logFile else { return }
        let line: String
        if json {
            let entry = JSONValue.object([("level", .string("error")), ("msg", .string(message)), ("time", .string(Clock.rfc3339Now()))])
            line = entry.serialized() + "\n"
        } else {
            line = "time=\"\(Clock.rfc3339Now())\" level=error msg=\"\(message)\"\n"
        }
        guard let fd = try? FileDescriptor.open(logFile, O_WRONLY | O_CREAT | O_APPEND, mode: 0o644) else { return }
        try? fd.writeAll(line)
        fd.close()
    }
}
