import ArgumentParser

/// The flags `run` and `create` share, named and spelled as docker's; turned
/// into the `POST /containers/create` body by `CreateBody`.
struct ContainerCreateOptions: ParsableArguments {
    @Option(name: .long, help: "Assign a name to the container") var name: String?
    @Flag(name: .long, help: "Automatically remove the container when it exits") var rm = false
    @Option(name: [.customShort("e"), .long], help: "Set environment variables") var env: [String] = []
    @Option(name: .customLong("env-file"), help: "Read in a file of environment variables") var envFile: [String] = []
    @Option(name: [.customShort("w"), .long], help: "Working directory inside the container") var workdir: String?
    @Option(name: [.customShort("u"), .long], help: "Username or UID (format: <name|uid>[:<group|gid>])") var user: String?
    @Option(name: [.customShort("h"), .long], help: "Container host name") var hostname: String?
    @Option(name: .long, help: "Container NIS domain name") var domainname: String?
    @Option(name: [.customShort("l"), .long], help: "Set meta data on a container") var label: [String] = []
    @Option(name: .long, help: "Overwrite the default ENTRYPOINT of the image") var entrypoint: String?
    @Flag(name: [.customShort("i"), .long], help: "Keep STDIN open even if not attached") var interactive = false
    @Flag(name: [.customShort("t"), .long], help: "Allocate a pseudo-TTY") var tty = false
    @Option(name: [.customShort("a"), .long], help: "Attach to STDIN, STDOUT or STDERR") var attach: [String] = []
    @Option(name: [.customShort("m"), .long], help: "Memory limit") var memory: String?
    @Option(name: .customLong("memory-swap"), parsing: .unconditional, help: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap") var memorySwap: String?
    @Option(name: .customLong("memory-reservation"), help: "Memory soft limit") var memoryReservation: String?
    @Option(name: .long, help: "Number of CPUs") var cpus: String?
    @Option(name: [.customShort("c"), .customLong("cpu-shares")], help: "CPU shares (relative weight)") var cpuShares: Int64?
    @Option(name: .customLong("cpu-quota"), help: "Limit CPU CFS (Completely Fair Scheduler) quota") var cpuQuota: Int64?
    @Option(name: .customLong("cpu-period"), help: "Limit CPU CFS (Completely Fair Scheduler) period") var cpuPeriod: Int64?
    @Option(name: .customLong("cpuset-cpus"), help: "CPUs in which to allow execution (0-3, 0,1)") var cpusetCpus: String?
    @Option(name: .customLong("pids-limit"), parsing: .unconditional, help: "Tune container pids limit (set -1 for unlimited)") var pidsLimit: Int64?
    @Flag(name: .customLong("read-only"), help: "Mount the container's root filesystem as read only") var readOnly = false
    @Option(name: .long, help: "Restart policy to apply when a container exits") var restart: String?
    @Option(name: .customLong("cap-add"), help: "Add Linux capabilities") var capAdd: [String] = []
    @Option(name: .customLong("cap-drop"), help: "Drop Linux capabilities") var capDrop: [String] = []
    @Flag(name: .long, help: "Give extended privileges to this container") var privileged = false
    @Flag(name: .customLong("init"), help: "Run an init inside the container that forwards signals and reaps processes") var initProcess = false
    @Option(name: .long, help: "Ulimit options") var ulimit: [String] = []
    @Option(name: .long, help: "Sysctl options") var sysctl: [String] = []
    @Option(name: .long, help: "Mount a tmpfs directory") var tmpfs: [String] = []
    @Option(name: [.customShort("v"), .long], help: "Bind mount a volume") var volume: [String] = []
    @Option(name: .customLong("log-driver"), help: "Logging driver for the container") var logDriver: String?
    @Option(name: .customLong("log-opt"), help: "Log driver options") var logOpt: [String] = []
    @Option(name: .customLong("stop-signal"), help: "Signal to stop the container") var stopSignal: String?
    @Option(name: .customLong("stop-timeout"), help: "Timeout (in seconds) to stop a container") var stopTimeout: Int?
    @Option(name: [.long, .customLong("net")], help: "Connect a container to a network") var network: String?
    @Option(name: [.customShort("p"), .long], help: "Publish a container's port(s) to the host") var publish: [String] = []
    @Flag(name: [.customShort("P"), .customLong("publish-all")], help: "Publish all exposed ports to random ports") var publishAll = false
    @Option(name: .long, help: "Expose a port or a range of ports") var expose: [String] = []
    @Option(name: .customLong("detach-keys"), help: "Override the key sequence for detaching a container") var detachKeys: String?
    @Option(name: .customLong("sig-proxy"), help: "Proxy received signals to the process (true|false)") var sigProxy: String = "true"
    @Option(name: .long, help: "Set custom DNS servers") var dns: [String] = []
    @Option(name: .customLong("add-host"), help: "Add a custom host-to-IP mapping (host:ip)") var addHost: [String] = []
    @Option(name: .customLong("shm-size"), help: "Size of /dev/shm") var shmSize: String?
    @Option(name: .customLong("security-opt"), help: "Security Options") var securityOpt: [String] = []
    @Option(name: .customLong("oom-score-adj"), parsing: .unconditional, help: "Tune host's OOM preferences (-1000 to 1000)") var oomScoreAdj: Int?
    @Option(name: .long, help: "PID namespace to use") var pid: String?
    @Option(name: .long, help: "IPC mode to use") var ipc: String?
    @Option(name: .long, help: "UTS namespace to use") var uts: String?
    @Option(name: .customLong("group-add"), help: "Add additional groups to join") var groupAdd: [String] = []
    @Option(name: .long, help: "Pull image before running (\"always\", \"missing\", \"never\")") var pull: String = "missing"
    @Option(name: .long, help: "Set platform if server is multi-platform capable") var platform: String?

    /// Whether `--sig-proxy` is on.
    var proxiesSignals: Bool { sigProxy != "false" && sigProxy != "0" }
}
